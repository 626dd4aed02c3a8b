namespace Checkout.Workflows.Payouts;

/// <summary>What a payout orchestration starts from: the payout, and its timings and retries (carried in the input
/// rather than read from settings, so a replay waits and retries as the first run did).</summary>
public sealed record PayoutOrchestrationInput(
    string MerchantId,
    string PayoutId,
    TimeSpan StatusPollInterval,
    int AutomaticRetries,
    TimeSpan AutomaticRetryDelay,
    TimeSpan RetryWindow,
    int StepMaxAttempts,
    TimeSpan StepFirstRetryInterval);
