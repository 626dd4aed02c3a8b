namespace Checkout.Domain.Payouts;

/// <summary>A payout attempt's status, as Stripe names them: <c>pending</c> until the rail takes it, <c>in_transit</c>
/// on its way, then <c>paid</c>, <c>failed</c> or <c>canceled</c>.</summary>
public enum PayoutStatus
{
    Pending,
    InTransit,
    Paid,
    Failed,
    Canceled,
}
