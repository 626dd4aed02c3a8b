using Checkout.Domain.Payouts;

namespace Checkout.Workflows.Payouts;

/// <summary>What the payout orchestration needs to know of its payout after a step: the current attempt's status.</summary>
public sealed record PayoutProgress(PayoutStatus Status, int Attempt, string? FailureCode)
{
    public static PayoutProgress? Of(Payout? payout) => payout is null ? null : new(payout.Status, payout.Attempt, payout.FailureCode);
}
