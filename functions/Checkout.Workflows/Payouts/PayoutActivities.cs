namespace Checkout.Workflows.Payouts;

/// <summary>The payout orchestration's activity functions, by name (part of every history in flight: never rename one).</summary>
public static class PayoutActivities
{
    public const string Send = "PayoutSend";
    public const string Poll = "PayoutPoll";
    public const string Read = "PayoutRead";
    public const string Retry = "PayoutRetry";
    public const string GiveUp = "PayoutGiveUp";
}
