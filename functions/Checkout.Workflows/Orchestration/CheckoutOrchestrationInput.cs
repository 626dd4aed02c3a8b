using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Orchestration;

/// <summary>What a checkout orchestration starts from: the created checkout, and how its steps are retried (carried in
/// the input rather than read from settings, so a replay retries as the first run did). <paramref name="AssessesInOneActivity"/>
/// is true for every checkout started since the rule steps became one activity; false (absent) in the inputs of
/// checkouts started before, whose histories hold one activity per rule step and must replay that way.
/// <paramref name="RecordsInSteps"/> likewise: true since the assessment and the payout hand-off record their own
/// result (the read model and its webhooks) instead of a record activity after them.</summary>
public sealed record CheckoutOrchestrationInput(
    CheckoutState Checkout,
    int StepMaxAttempts,
    TimeSpan StepFirstRetryInterval,
    bool AssessesInOneActivity = false,
    bool RecordsInSteps = false);
