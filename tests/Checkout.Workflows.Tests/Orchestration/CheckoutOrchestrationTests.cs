using System.Text.Json;
using Checkout.Domain.Payments;
using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Steps;
using Checkout.Workflows.Tests.Harness;
using Checkout.Workflows.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Workflows.Tests.Orchestration;

/// <summary>
/// The checkout orchestration on Durable Task's in-memory engine, its activities the app's own steps over Azurite:
/// fan-out/fan-in, the buyer's events raced against the quote's timer, requote and expiry, cancel before and during
/// capture, declined, transient and unavailable payments, sanctions, and every activity run twice.
/// </summary>
public sealed class CheckoutOrchestrationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task HappyPath_StartConfirm_CompletesWithOneCaptureOnePayoutAndItsWebhooks()
    {
        await using var host = await StartAsync();

        var ended = await host.RunToEndAsync("happy1");

        var state = ended.State;
        Assert.Equal(CheckoutPhase.Completed, state.Phase);
        Assert.NotNull(state.CaptureId);
        Assert.Equal("happy1-payout", state.PayoutId);
        Assert.Single(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        var types = ended.Timeline.Select(h => h.EventType).ToList();
        Assert.Equal(["CheckoutStarted", "FxQuoted"], types[..2]);
        Assert.Equal(["CustomsScreened", "LogisticsPlanned"], types[2..4]); // fan-in: applied in the order asked
        Assert.Equal(["LandedCostPriced", "ConfirmRequested", "PaymentCaptured", "PayoutHandedOff"], types[4..]);
        Assert.Equal(Enumerable.Range(1, 8), ended.Timeline.Select(h => h.Sequence));

        var instance = await host.Client.GetInstanceAsync("happy1", getInputsAndOutputs: true);
        Assert.Equal("\"completed\"", instance!.SerializedOutput);
        Assert.Equal("completed", JsonDocument.Parse(instance.SerializedCustomStatus!).RootElement.GetProperty("status").GetString());
        Assert.Equal(
            [WebhookEventTypes.CheckoutAwaitingConfirmation, WebhookEventTypes.PaymentCaptured, WebhookEventTypes.CheckoutCompleted],
            (await EventsAsync(host)).Select(e => e.Type));
    }

    [Fact]
    public async Task RuleSteps_RunAsOneAssessmentActivity()
    {
        await using var host = await StartAsync();

        await host.RunToEndAsync("assess1");

        Assert.Equal(1, host.Calls[CheckoutActivities.Assess]);
        Assert.All(
            [CheckoutActivities.QuoteFx, CheckoutActivities.ScreenCustoms, CheckoutActivities.PlanLogistics, CheckoutActivities.PriceLandedCost],
            activity => Assert.Equal(0, host.Calls[activity]));
    }

    [Fact]
    public async Task CaptureAndHandOff_RunAsOneActivity()
    {
        await using var host = await StartAsync();

        var ended = await host.RunToEndAsync("paid1");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Equal(1, host.Calls[CheckoutActivities.CaptureAndHandOff]);
        Assert.Equal(0, host.Calls[CheckoutActivities.Capture]);
        Assert.Equal(0, host.Calls[CheckoutActivities.HandOffToPayout]);
        Assert.Single(await host.Get<PayoutHandOff>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheAssessmentAndTheHandOff_RecordTheirOwnResults_NoRecordActivity()
    {
        await using var host = await StartAsync();

        var ended = await host.RunToEndAsync("folded1");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Equal(0, host.Calls[CheckoutActivities.Record]);
        Assert.Equal(
            ["CheckoutStarted", "FxQuoted", "CustomsScreened", "LogisticsPlanned", "LandedCostPriced", "ConfirmRequested", "PaymentCaptured", "PayoutHandedOff"],
            ended.Timeline.Select(h => h.EventType));
        Assert.Equal(
            [WebhookEventTypes.CheckoutAwaitingConfirmation, WebhookEventTypes.PaymentCaptured, WebhookEventTypes.CheckoutCompleted],
            (await EventsAsync(host)).Select(e => e.Type));

        // The row the hand-off wrote no longer carries the assessment's events.
        Assert.Null(ended.Assessment);
    }

    [Fact]
    public async Task StartedBeforeTheAssessmentRecorded_OneRecordActivityBeforeTheWaitForTheBuyer()
    {
        await using var host = await StartAsync();
        var (created, _, creation) = await RecordStartAsync(host, "folded2");

        // The input as checkouts started before the assessment recorded itself carry it: no AssessmentRecords.
        var input = new CheckoutOrchestrationInput(created, 3, TimeSpan.FromMilliseconds(200), AssessesInOneActivity: true, HandOffRecords: true, ReadModelETag: creation.ETag);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(CheckoutOrchestration.Name, CheckoutJson.Write(input), new StartOrchestrationOptions("folded2"));
        var awaiting = await host.UntilPhaseAsync("folded2", CheckoutPhase.AwaitingConfirmation);
        await host.ConfirmAsync("folded2", awaiting.State.Quote!.Id);
        var ended = await host.UntilEndedAsync("folded2");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Equal(1, host.Calls[CheckoutActivities.Record]);
        Assert.Null(awaiting.Assessment);

        // Nor does it carry CaptureHandsOff: the capture and the hand-off are activities of their own.
        Assert.Equal((0, 1, 1), (host.Calls[CheckoutActivities.CaptureAndHandOff], host.Calls[CheckoutActivities.Capture], host.Calls[CheckoutActivities.HandOffToPayout]));
        Assert.Equal(
            [WebhookEventTypes.CheckoutAwaitingConfirmation, WebhookEventTypes.PaymentCaptured, WebhookEventTypes.CheckoutCompleted],
            (await EventsAsync(host)).Select(e => e.Type));
    }

    [Fact]
    public async Task Assessment_RunAgainAfterItRecorded_AnswersWithTheRecordedQuote_NotANewOne()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await WorkflowHost.StartAsync(azurite.ConnectionString, "w" + Guid.NewGuid().ToString("N")[..10], clock);
        var (created, start, creation) = await RecordStartAsync(host, "again1");
        var steps = host.Get<CheckoutSteps>();
        var input = CheckoutJson.Write(new StepInput(start.State, "again1-q1", new StepRecord(AnnouncedCheckout.Of(start.State), [start.Entry], creation.ETag)));

        var first = CheckoutJson.Read<AssessmentOutcome>(await steps.AssessAsync(input, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(3));
        var again = CheckoutJson.Read<AssessmentOutcome>(await steps.AssessAsync(input, CancellationToken.None));

        // Run afresh, the same step would now quote a later expiry; run again, it answers with what was recorded and shown.
        var fresh = CheckoutJson.ReadEvents(await steps.AssessAsync(CheckoutJson.Write(new StepInput(start.State, "again1-q1")), CancellationToken.None));
        Assert.NotEqual(QuoteExpiry(CheckoutJson.ReadEvents(first.Events)), QuoteExpiry(fresh));
        Assert.Equal(first, again);
        var stored = await host.Store.GetAsync(created.MerchantId, created.Id, CancellationToken.None);
        Assert.Equal((CheckoutPhase.AwaitingConfirmation, first.RecordedSequence), (stored!.State.Phase, stored.State.Sequence));
        Assert.Equal(QuoteExpiry(CheckoutJson.ReadEvents(first.Events)), stored.State.Quote!.ExpiresAt);

        // Announced by each run, under the same event id.
        var announced = await EventsAsync(host);
        Assert.Equal(2, announced.Count);
        Assert.Single(announced.Select(e => e.Id).Distinct());
    }

    [Fact]
    public async Task Assessment_RowWrittenSinceByAnotherRecord_AnswersUnrecorded_AndWritesNothing()
    {
        await using var host = await StartAsync();
        var (created, start, creation) = await RecordStartAsync(host, "again2");
        var canceled = CheckoutTimeline.Apply(start.State, [new CancelRequested("changed my mind", host.Clock.GetUtcNow())], [start.Entry]);
        await host.Store.SaveAsync(canceled, [start.Entry], creation.ETag, CancellationToken.None);
        var input = CheckoutJson.Write(new StepInput(start.State, "again2-q1", new StepRecord(AnnouncedCheckout.Of(start.State), [start.Entry], creation.ETag)));

        var outcome = CheckoutJson.Read<AssessmentOutcome>(await host.Get<CheckoutSteps>().AssessAsync(input, CancellationToken.None));

        Assert.Null(outcome.RecordedSequence);
        Assert.NotEmpty(CheckoutJson.ReadEvents(outcome.Events));
        Assert.Equal(CheckoutPhase.Canceled, (await host.Store.GetAsync(created.MerchantId, created.Id, CancellationToken.None))!.State.Phase);
        Assert.Empty(await EventsAsync(host));
    }

    [Fact]
    public async Task Record_ScheduledWithTheWholeStateBefore_AsInputsWereUntilTheyCarriedWhatWasAnnounced_RecordsAndAnnouncesTheSame()
    {
        await using var host = await StartAsync();
        var (created, start, creation) = await RecordStartAsync(host, "legacy1");
        var timeline = new List<HistoryEntry> { start.Entry };
        var canceled = CheckoutTimeline.Apply(start.State, [new CancelRequested("changed my mind", host.Clock.GetUtcNow())], timeline);
        var legacy = CheckoutJson.Write(new RecordInput(null, canceled, timeline, creation.ETag, Before: start.State));
        Assert.DoesNotContain("\"announced\"", legacy, StringComparison.Ordinal);

        await host.Get<CheckoutSteps>().RecordAsync(legacy, CancellationToken.None);

        Assert.Equal(CheckoutPhase.Canceled, (await host.Store.GetAsync(created.MerchantId, created.Id, CancellationToken.None))!.State.Phase);
        Assert.Equal(["checkout.canceled"], (await EventsAsync(host)).Select(e => e.Type));
        var current = CheckoutJson.Write(new RecordInput(AnnouncedCheckout.Of(start.State), canceled, timeline, creation.ETag));
        Assert.DoesNotContain("\"before\"", current, StringComparison.Ordinal);
        Assert.True(current.Length < legacy.Length, $"{current.Length} characters against {legacy.Length}");
    }

    [Fact]
    public async Task StartedBeforeTheAssessment_RunsOneActivityPerRuleStep_ToTheSameTimeline()
    {
        await using var host = await StartAsync();
        var (created, _, _) = await RecordStartAsync(host, "older1");

        // The input as checkouts started before the assessment carry it: no AssessesInOneActivity.
        var input = JsonSerializer.Serialize(new { checkout = JsonDocument.Parse(CheckoutJson.Write(created)).RootElement, stepMaxAttempts = 3, stepFirstRetryInterval = "00:00:00.200" });
        await host.Client.ScheduleNewOrchestrationInstanceAsync(CheckoutOrchestration.Name, input, new StartOrchestrationOptions("older1"));
        var ended = await host.RunToEndAsync("older1");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Equal(0, host.Calls[CheckoutActivities.Assess]);
        Assert.Equal(2, host.Calls[CheckoutActivities.Record]);
        Assert.All(
            [CheckoutActivities.QuoteFx, CheckoutActivities.ScreenCustoms, CheckoutActivities.PlanLogistics, CheckoutActivities.PriceLandedCost],
            activity => Assert.Equal(1, host.Calls[activity]));
        Assert.Equal(
            ["CheckoutStarted", "FxQuoted", "CustomsScreened", "LogisticsPlanned", "LandedCostPriced", "ConfirmRequested", "PaymentCaptured", "PayoutHandedOff"],
            ended.Timeline.Select(h => h.EventType));
    }

    [Fact]
    public async Task AtLeastOnce_EveryActivityRunsTwice_SameOutcomeWithOneCaptureOnePayoutAndBalancedLedger()
    {
        await using var host = await StartAsync(activityRuns: 2);

        var ended = await host.RunToEndAsync("twice1");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Single(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        Assert.Single(await host.Get<PayoutHandOff>().ListAsync(CancellationToken.None));
        var ledger = await host.Get<Ledger.LedgerReconciliation>().RunAsync(CancellationToken.None);
        Assert.True(ledger.IsReconciled, string.Join(Environment.NewLine, ledger.Problems));

        // Each record ran twice and sent its events twice, with the same ids: receivers dedupe on webhook-id.
        var events = await EventsAsync(host);
        Assert.Equal(3, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task Payment_DeclinedToken_RequiresAPaymentMethodWithTheDeclineAndNoCapture()
    {
        // A decline used to fail the checkout at once; now it waits for a new payment method (CheckoutPaymentRetryTests
        // follow it on to a retry, a cancel, or the quote's expiry, where it fails with this decline).
        await using var host = await StartAsync();

        await host.ConfirmedAsync("declined1", SandboxPaymentGateway.DeclinedToken);
        var waiting = await host.UntilPhaseAsync("declined1", CheckoutPhase.RequiresPaymentMethod);

        Assert.Null(waiting.State.Rejection);
        Assert.Equal("payment.card_declined", Assert.Single(waiting.State.PaymentAttempts).Decline!.Code);
        Assert.Empty(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        // The record writes the row, then hands its events to webhook delivery: wait for the event.
        await Eventually.UntilAsync(
            () => EventsAsync(host), events => events.Any(e => e.Type == WebhookEventTypes.CheckoutRequiresPaymentMethod), WorkflowHost.Timeout, "the decline is announced");
        var instance = await host.Client.GetInstanceAsync("declined1");
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task Payment_TransientToken_RetriedThenCapturedOnce()
    {
        await using var host = await StartAsync();

        var ended = await host.RunToEndAsync("transient1", SandboxPaymentGateway.TransientToken);

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Single(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Poison_PaymentServiceNeverAnswers_NeedsAttentionNamingTheStep()
    {
        await using var host = await StartAsync();

        var ended = await host.RunToEndAsync("down1", SandboxPaymentGateway.UnavailableToken);

        Assert.Equal(CheckoutPhase.NeedsAttention, ended.State.Phase);
        Assert.Equal("workflow.step_poisoned", ended.State.Rejection!.Code);
        Assert.Contains(CheckoutActivities.Capture, ended.State.Rejection.Detail, StringComparison.Ordinal);
        Assert.Empty(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        Assert.Contains(WebhookEventTypes.CheckoutNeedsAttention, (await EventsAsync(host)).Select(e => e.Type));
    }

    [Fact]
    public async Task Rejection_SanctionedDestination_RejectedWithoutWaitingForTheBuyer()
    {
        await using var host = await StartAsync();
        var checkout = WorkflowHost.NewCheckout("sanctioned1", host.Clock.GetUtcNow(), destination: "IR", postalCode: "1193653471");

        await host.Get<CheckoutStarter>().StartAsync(host.Client, checkout, CancellationToken.None);
        var ended = await host.UntilEndedAsync("sanctioned1");

        Assert.Equal(CheckoutPhase.Rejected, ended.State.Phase);
        Assert.Contains(ended.State.Rejection!.Code, new[] { "sanctions.embargoed_country", "customs.destination_not_supported" });
        Assert.DoesNotContain(ended.Timeline, h => h.EventType == "LandedCostPriced");
    }

    [Fact]
    public async Task Expiry_NoConfirmation_RequotesOnceThenExpires()
    {
        await using var host = await StartAsync(ShortQuotes);

        await host.StartCheckoutAsync("expire1");
        var ended = await host.UntilEndedAsync("expire1");

        Assert.Equal(CheckoutPhase.Expired, ended.State.Phase);
        Assert.Equal(2, ended.State.QuoteCount);
        Assert.Equal(2, ended.Timeline.Count(h => h.EventType == "FxQuoted"));
        Assert.Equal(2, ended.Timeline.Count(h => h.EventType == "QuoteExpiryDue"));
        Assert.Equal(
            [WebhookEventTypes.CheckoutAwaitingConfirmation, WebhookEventTypes.CheckoutAwaitingConfirmation, WebhookEventTypes.CheckoutExpired],
            (await EventsAsync(host)).Select(e => e.Type));
    }

    [Fact]
    public async Task Requote_ConfirmOfTheOldQuoteRefused_ConfirmOfTheNewCompletes()
    {
        await using var host = await StartAsync(ShortQuotes);
        await host.StartCheckoutAsync("requote1");
        var first = await host.UntilPhaseAsync("requote1", CheckoutPhase.AwaitingConfirmation);
        var second = await host.UntilPhaseAsync("requote1", CheckoutPhase.AwaitingConfirmation, c => c.State.QuoteCount == 2);

        await host.ConfirmAsync("requote1", first.State.Quote!.Id);
        await host.ConfirmAsync("requote1", second.State.Quote!.Id);
        var ended = await host.UntilEndedAsync("requote1");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Equal(second.State.Quote.Id, ended.State.Quote!.Id);
        Assert.Single(ended.Timeline, h => h.EventType == "ConfirmRequested");
    }

    [Fact]
    public async Task CancelBeforeCapture_Canceled_NothingCapturedAndTheTimerStopped()
    {
        await using var host = await StartAsync();
        await host.StartCheckoutAsync("cancel1");
        await host.UntilPhaseAsync("cancel1", CheckoutPhase.AwaitingConfirmation);

        await host.CancelAsync("cancel1", "buyer changed their mind");
        var ended = await host.UntilEndedAsync("cancel1");

        Assert.Equal(CheckoutPhase.Canceled, ended.State.Phase);
        Assert.Equal("buyer changed their mind", ended.State.CancelReason);
        Assert.Empty(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        Assert.Contains(WebhookEventTypes.CheckoutCanceled, (await EventsAsync(host)).Select(e => e.Type));
    }

    [Fact]
    public async Task CancelDuringTheCaptureAndHandOff_ComesTooLate_CompletedWithItsPayout_TheCancelRefused()
    {
        var held = new HeldCaptures();
        await using var host = await StartAsync(replace: services => services.AddSingleton<IPaymentGateway>(
            sp => held.Around(sp.GetRequiredService<SandboxPaymentGateway>())));
        await host.StartCheckoutAsync("late1");
        var awaiting = await host.UntilPhaseAsync("late1", CheckoutPhase.AwaitingConfirmation);
        await host.ConfirmAsync("late1", awaiting.State.Quote!.Id);
        await held.Reached.WaitAsync(WorkflowHost.Timeout);

        await host.CancelAsync("late1", "buyer asked");
        held.Release();
        var ended = await host.UntilEndedAsync("late1");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Equal("late1-payout", ended.State.PayoutId);
        Assert.Null(ended.State.RefundId);
        Assert.Null(ended.State.CancelReason);
        Assert.DoesNotContain("CancelRequested", ended.Timeline.Select(h => h.EventType));
        var instance = await host.Client.GetInstanceAsync("late1", getInputsAndOutputs: true);
        Assert.Equal("\"completed\"", instance!.SerializedOutput);
        var ledger = await host.Get<Ledger.LedgerReconciliation>().RunAsync(CancellationToken.None);
        Assert.True(ledger.IsReconciled, string.Join(Environment.NewLine, ledger.Problems));
    }

    [Fact]
    public async Task CaptureAndHandOffFails_TheCaptureGoesOnAsAStepOfItsOwn_WhereACancelStillRefunds()
    {
        // The first capture finds the payment service unavailable (the one-activity step fails, without retries); the
        // capture step that follows is held until the cancel is in.
        var held = new HeldCaptures(failFirst: true);
        await using var host = await StartAsync(replace: services => services.AddSingleton<IPaymentGateway>(
            sp => held.Around(sp.GetRequiredService<SandboxPaymentGateway>())));
        await host.StartCheckoutAsync("refund1");
        var awaiting = await host.UntilPhaseAsync("refund1", CheckoutPhase.AwaitingConfirmation);
        await host.ConfirmAsync("refund1", awaiting.State.Quote!.Id);
        await held.Reached.WaitAsync(WorkflowHost.Timeout);

        await host.CancelAsync("refund1", "buyer asked");
        held.Release();
        var ended = await host.UntilEndedAsync("refund1");

        Assert.Equal(CheckoutPhase.Canceled, ended.State.Phase);
        Assert.NotNull(ended.State.CaptureId);
        Assert.NotNull(ended.State.RefundId);
        Assert.Null(ended.State.PayoutId);
        Assert.Equal(["PaymentCaptured", "PaymentRefunded"], ended.Timeline.Select(h => h.EventType).Where(t => t.StartsWith("Payment", StringComparison.Ordinal)));
        Assert.Equal((1, 1, 0), (host.Calls[CheckoutActivities.CaptureAndHandOff], host.Calls[CheckoutActivities.Capture], host.Calls[CheckoutActivities.HandOffToPayout]));
        Assert.Empty(await host.Get<PayoutHandOff>().ListAsync(CancellationToken.None));
    }

    private static readonly Dictionary<string, string?> ShortQuotes = new() { ["Fx:Quotes:LockDuration"] = "00:00:02" };

    /// <summary>A checkout as the start API leaves it before scheduling its orchestration: created, and its first
    /// transition recorded in the read model.</summary>
    private static async Task<(CheckoutState Created, StartedCheckout Start, CheckoutCreation Creation)> RecordStartAsync(WorkflowHost host, string id)
    {
        var created = WorkflowHost.NewCheckout(id, host.Clock.GetUtcNow());
        var (state, entry, _) = CheckoutTimeline.Start(created);
        var creation = await host.Store.CreateAsync(state, [entry], CancellationToken.None);
        return (created, new StartedCheckout(state, entry), creation);
    }

    private sealed record StartedCheckout(CheckoutState State, HistoryEntry Entry);

    private static DateTimeOffset QuoteExpiry(IReadOnlyList<CheckoutEvent> events) => events.OfType<FxQuoted>().Single().Quote.ExpiresAt;

    private Task<WorkflowHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null, int activityRuns = 1) =>
        WorkflowHost.StartAsync(azurite.ConnectionString, "w" + Guid.NewGuid().ToString("N")[..10], replace: replace, settings: settings, activityRuns: activityRuns);

    private static Task<IReadOnlyList<Events.MerchantEvent>> EventsAsync(WorkflowHost host) => host.MerchantEventsAsync();

    /// <summary>The sandbox payment service, its captures held until the test lets them go; with
    /// <paramref name="failFirst"/>, the first capture fails as unavailable instead, and the next ones are held.</summary>
    private sealed class HeldCaptures(bool failFirst = false)
    {
        private readonly bool _failFirst = failFirst;
        private int _captures;
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a capture has reached the payment service and waits there.</summary>
        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public IPaymentGateway Around(IPaymentGateway inner) => new Gateway(inner, this);

        private sealed class Gateway(IPaymentGateway inner, HeldCaptures held) : IPaymentGateway
        {
            public async Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref held._captures) == 1 && held._failFirst)
                {
                    throw new PaymentServiceUnavailableException("Unavailable for the test's first capture.");
                }

                held._reached.TrySetResult();
                await held._released.Task.WaitAsync(cancellationToken);
                return await inner.CaptureAsync(request, cancellationToken);
            }

            public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) => inner.RefundAsync(request, cancellationToken);
        }
    }
}
