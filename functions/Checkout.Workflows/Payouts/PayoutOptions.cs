namespace Checkout.Workflows.Payouts;

/// <summary>Payout and ledger settings; section <c>Payouts</c> of the app settings.</summary>
public sealed class PayoutOptions
{
    public const string SectionName = "Payouts";

    /// <summary>The platform's processing fee on each capture, in basis points (2.9 %, a common card price).</summary>
    public int ProcessingFeeBps { get; set; } = 290;

    /// <summary>How long an <c>in_transit</c> payout waits before the rail is asked again (a durable timer), unless the
    /// rail's webhook says first.</summary>
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>New attempts started by themselves after a <c>could_not_process</c> failure (the rail's own trouble),
    /// each after <see cref="AutomaticRetryDelay"/>, doubling. Account failures wait for the merchant instead.</summary>
    public int AutomaticRetries { get; set; } = 3;

    public TimeSpan AutomaticRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a failed payout's orchestration waits for the merchant's retry or new destination before it
    /// ends <c>failed</c> (a later retry starts it again).</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The secret the rail signs its webhooks with. Empty: the rail webhook endpoint refuses everything.</summary>
    public string RailWebhookSecret { get; set; } = string.Empty;

    /// <summary>How far a rail webhook's timestamp may be from now (both ways), against replays.</summary>
    public TimeSpan RailWebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public void Validate()
    {
        if (ProcessingFeeBps is < 0 or > 2000)
        {
            throw new InvalidOperationException($"{SectionName}:ProcessingFeeBps must be between 0 and 2000.");
        }

        if (StatusPollInterval <= TimeSpan.Zero || StatusPollInterval > TimeSpan.FromDays(7))
        {
            throw new InvalidOperationException($"{SectionName}:StatusPollInterval must be between 0 and 7 days.");
        }

        if (AutomaticRetries is < 0 or > 10 || AutomaticRetryDelay <= TimeSpan.Zero || RetryWindow <= TimeSpan.Zero || RetryWindow > TimeSpan.FromDays(365))
        {
            throw new InvalidOperationException(
                $"{SectionName}:AutomaticRetries must be 0 to 10, {SectionName}:AutomaticRetryDelay positive, and {SectionName}:RetryWindow positive and at most a year.");
        }

        if (RailWebhookTolerance <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:RailWebhookTolerance must be positive.");
        }
    }
}
