namespace Checkout.Workflows.Refunds;

/// <summary>What a refund orchestration starts from: the refund, and its step retries and the wait before it tries again
/// after an outage outlasted them (carried in the input, so a replay retries as the first run did).</summary>
public sealed record RefundOrchestrationInput(
    string MerchantId,
    string CheckoutId,
    string RefundId,
    int StepMaxAttempts,
    TimeSpan StepFirstRetryInterval,
    TimeSpan OutageRetryDelay);
