using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Orchestration;

/// <summary>What a checkout orchestration starts from: the created checkout, and how its steps are retried (carried in
/// the input rather than read from settings, so a replay retries as the first run did).</summary>
public sealed record CheckoutOrchestrationInput(CheckoutState Checkout, int StepMaxAttempts, TimeSpan StepFirstRetryInterval);
