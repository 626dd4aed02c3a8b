namespace Checkout.Workflows.Payouts;

/// <summary>What a payout orchestration starts from: the payout, and its timings and retries (carried in the input
/// rather than read from settings, so a replay waits and retries as the first run did). <paramref name="Sent"/> is the
/// payout as the payouts queue's function left it after sending the attempt itself (effects done, event published), so
/// the orchestration follows it from there; null when the orchestration is to send it (a retry, or a send that failed,
/// and every orchestration started before the queue function sent).</summary>
public sealed record PayoutOrchestrationInput(
    string MerchantId,
    string PayoutId,
    TimeSpan StatusPollInterval,
    int AutomaticRetries,
    TimeSpan AutomaticRetryDelay,
    TimeSpan RetryWindow,
    int StepMaxAttempts,
    TimeSpan StepFirstRetryInterval,
    PayoutProgress? Sent = null);
