namespace Checkout.Workflows.Payouts;

/// <summary>What a payout orchestration starts from: the payout, and its timings and retries (carried in the input
/// rather than read from settings, so a replay waits and retries as the first run did). <paramref name="Sent"/> is the
/// payout as the payouts queue's function left it after sending the attempt itself (effects done, event published), so
/// the orchestration follows it from there; null when the orchestration is to send it (a retry, or a send that failed,
/// and every orchestration started before the queue function sent). <paramref name="ChecksForRetryAfterFailure"/>, set
/// for orchestrations started since it existed: a <paramref name="Sent"/> that failed or was canceled is not the state
/// to wait from; the first step reads the row, and sends the attempt a retry has made since. A merchant's retry made
/// between that end and this start has no way to reach the orchestration otherwise: its event, raised into an
/// instance whose start the engine has not committed, is dropped, and a start of its own can lose to this one (the
/// provider checks for an existing instance and sends its start message without a lock). The suite's payout API test
/// once timed out with its retried payout left pending, the symptom of this.</summary>
public sealed record PayoutOrchestrationInput(
    string MerchantId,
    string PayoutId,
    TimeSpan StatusPollInterval,
    int AutomaticRetries,
    TimeSpan AutomaticRetryDelay,
    TimeSpan RetryWindow,
    int StepMaxAttempts,
    TimeSpan StepFirstRetryInterval,
    PayoutProgress? Sent = null,
    bool ChecksForRetryAfterFailure = false);
