using Azure;
using Checkout.Domain.Monetary;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// A checkout's refunds in sum, the row every new refund reserves its amount on: what was captured, what pending
/// refunds hold, what succeeded ones returned, and how many refunds were created (the next one's number). Written
/// with its ETag in the same batch as the refund row it changes for, so two refunds racing never together exceed the
/// capture.
/// </summary>
public sealed record RefundSummary(Money Captured, Money Reserved, Money Refunded, int Count, ETag? ETag = null)
{
    public Money Remaining => Captured - Reserved - Refunded;

    public static RefundSummary Empty(Money captured) => new(captured, Money.Zero(captured.Currency), Money.Zero(captured.Currency), 0);
}
