using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>GET /api/checkouts/{id}</c>. Quote, landed cost, shipping and rejection appear once known;
/// refunds once the checkout is completed.</summary>
[Description("A checkout's status, and once known its quote, landed cost, shipping and rejection.")]
internal sealed record CheckoutStatusView(
    string Id,
    string MerchantReference,
    [property: Description("created, quoting, checking, awaiting_confirmation, capturing, paying_out, refunding, completed, rejected, expired, canceled, failed or needs_attention.")]
    string Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    QuoteView? Quote,
    LandedCostView? LandedCost,
    ShippingView? Shipping,
    RejectionView? Rejection,
    string StatusQueryGetUri,
    string ConfirmPostUri,
    string CancelPostUri,
    [property: Description("Present with ?showHistory=true: every transition, in order.")]
    IReadOnlyList<HistoryEventView>? HistoryEvents,
    [property: Description("Once completed: what succeeded refunds gave back, in the presentment currency.")] MoneyAmount? AmountRefunded,
    [property: Description("Once completed: its refunds, oldest first (see /refunds).")] IReadOnlyList<RefundView>? Refunds,
    [property: Description("False while a sandbox runs (payment provider, payout rail or FX sample rates): no real money moves.")] bool Livemode);
