using Azure;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// One payout of one checkout's net proceeds, in the merchant's settlement currency. Each send to the rail is an
/// attempt (numbered from 1) with its own idempotency key; a failed or canceled attempt returns the funds to the
/// balance and a retry starts the next attempt. <see cref="ETag"/> guards every status change.
/// <see cref="RefundDeductions"/> lists the refunds (comma-separated ids) taken out of a failed payout's amount before its
/// retry, so a repeated refund step finds its deduction made.
/// </summary>
public sealed record Payout(
    string MerchantId,
    string Id,
    string CheckoutId,
    Money Amount,
    int Attempt,
    PayoutStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? FailureCode = null,
    string? FailureMessage = null,
    string? RailPayoutId = null,
    ETag? ETag = null,
    string? RefundDeductions = null)
{
    /// <summary>The rail's idempotency key for the current attempt: a redelivered send never pays twice.</summary>
    public string IdempotencyKey => $"{Id}-a{Attempt}";

    public bool HasDeduction(string refundId) =>
        RefundDeductions is { } deductions && deductions.Split(',').Contains(refundId, StringComparer.Ordinal);

    public PayoutFacts Facts(DateTimeOffset at) => new(Id, Attempt, MerchantId, Amount, at);

    public static bool TryParseAttempt(string payoutId, string idempotencyKey, out int attempt)
    {
        ArgumentNullException.ThrowIfNull(payoutId);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        attempt = 0;
        var prefix = payoutId + "-a";
        return idempotencyKey.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(idempotencyKey.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out attempt);
    }
}
