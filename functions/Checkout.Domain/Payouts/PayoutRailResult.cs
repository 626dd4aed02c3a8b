namespace Checkout.Domain.Payouts;

/// <param name="RailPayoutId">The rail's own id for the payout (<c>po_...</c>).</param>
/// <param name="FailureCode">Set when <paramref name="Status"/> is failed, e.g. <c>account_closed</c>.</param>
public sealed record PayoutRailResult(string RailPayoutId, PayoutStatus Status, string? FailureCode = null, string? FailureMessage = null);
