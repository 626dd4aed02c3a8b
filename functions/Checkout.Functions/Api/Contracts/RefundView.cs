using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Contracts;

/// <summary>One refund of a completed checkout.</summary>
[Description("A refund of a completed checkout, in its presentment currency.")]
internal sealed record RefundView(
    [property: Description("{checkoutId}-r{n}: the checkout's n-th refund.")] string Id,
    string CheckoutId,
    [property: Description("pending, succeeded or failed.")] string Status,
    MoneyAmount Amount,
    string? Reason,
    [property: Description("Once succeeded, what it did to the merchant's balance: reversed (taken from the checkout's failed payout, whose retry sends the rest) or carried_to_next_payout (the payout had left; the balance went below zero and the next payout keeps the deficit back).")]
    string? BalanceEffect,
    [property: Description("Why it failed, e.g. refund.declined; the amount is refundable again.")] string? FailureCode,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
