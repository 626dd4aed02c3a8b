using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Orchestration;

/// <summary>What a checkout orchestration starts from: the created checkout, and how its steps are retried (carried in
/// the input rather than read from settings, so a replay retries as the first run did). <paramref name="AssessesInOneActivity"/>
/// is true for every checkout started since the rule steps became one activity; false (absent) in the inputs of
/// checkouts started before, whose histories hold one activity per rule step and must replay that way.
/// <paramref name="HandOffRecords"/> likewise: true since the payout hand-off records the checkout's end itself (the
/// read model and its webhooks) instead of a record activity after it. <paramref name="ReadModelETag"/> is the ETag of
/// the read-model row the start wrote (null when unknown), so the first record replaces it without reading it first
/// (<see cref="Persistence.CheckoutStore.SaveAsync"/>); it changes no decision, only whether a record reads first.
/// <paramref name="AssessmentRecords"/>: true since the assessment records the state it leads to itself (the wait for
/// the buyer then needs no record activity); false in the inputs of checkouts started before.
/// <paramref name="CaptureHandsOff"/>: true since a card capture and the payout hand-off after it run as one activity
/// (<see cref="CheckoutActivities.CaptureAndHandOff"/>); false in the inputs of checkouts started before.</summary>
public sealed record CheckoutOrchestrationInput(
    CheckoutState Checkout,
    int StepMaxAttempts,
    TimeSpan StepFirstRetryInterval,
    bool AssessesInOneActivity = false,
    bool HandOffRecords = false,
    string? ReadModelETag = null,
    bool AssessmentRecords = false,
    bool CaptureHandsOff = false);
