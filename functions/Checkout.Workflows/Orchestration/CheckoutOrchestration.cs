using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Wallets;
using Checkout.Workflows.Webhooks;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Orchestration;

/// <summary>
/// One checkout as a Durable Task orchestration (instance id = checkout id). The pure
/// <see cref="CheckoutStateMachine"/> decides what every event means, as it always has; this class only carries its
/// commands out: one activity for the rules' judgement (FX quote, customs and logistics checks, landed cost: see
/// <see cref="Steps.CheckoutAssessment"/>), then one activity for a card's capture and the payout hand-off after it (see
/// <see cref="CaptureAndHandOffAsync"/>), and activities for a wallet's payment and for a refund; the buyer's
/// <c>confirm</c> and <c>cancel</c> as external events raced against a durable
/// timer at quote expiry, and after a decline its <c>payment</c> (a new payment method) against a timer at the same
/// expiry; for a wallet payment, the wallet's <c>wallet</c> notice against a timer at the payment's expiry; and the
/// merchant-facing read model written before each wait and at the end: by a record activity, or by the step whose
/// result leads there (the assessment before the wait for the buyer, the payout hand-off at the end).
/// Deterministic on replay: times come from the context or from the events' payloads, ids from the checkout, and all
/// I/O happens in activities. Changing the order of the awaits below changes the history of checkouts in flight: add
/// a new orchestration name for such a change rather than editing this one. (The wait for a new payment method comes
/// only after a decline, which used to end the orchestration at once with the same record activity this one calls
/// first, so histories from before it replay unchanged.)
/// </summary>
public sealed partial class CheckoutOrchestration
{
    public const string Name = "CheckoutOrchestration";
    public const string ConfirmEvent = "confirm";
    public const string CancelEvent = "cancel";
    public const string PaymentEvent = "payment";
    public const string WalletEvent = "wallet";

    private readonly TaskOrchestrationContext _context;

    /// <summary>A step that keeps failing (the payment service down, a storage outage) is retried with back-off before
    /// the checkout is marked <c>needs_attention</c>; every step's effect is idempotent, so retries are safe.</summary>
    private readonly TaskOptions _stepOptions;
    private readonly ILogger _logger;
    private readonly bool _assessesInOneActivity;
    private readonly bool _handOffRecords;
    private readonly bool _assessmentRecords;
    private readonly bool _captureHandsOff;
    private readonly Queue<CheckoutCommand> _commands = new();
    private readonly List<HistoryEntry> _timeline = [];
    private CheckoutState _state;
    /// <summary>What the last record of the read model announced.</summary>
    private AnnouncedCheckout _recorded;

    /// <summary>The read-model row's ETag after this orchestration's last write of it, when known.</summary>
    private string? _recordedETag;
    private Task<BuyerRequest> _cancel = null!;
    private Task<BuyerRequest>? _confirm;
    private Task<PaymentRetryRequest>? _payment;
    private Task<WalletNotice>? _wallet;

    private CheckoutOrchestration(TaskOrchestrationContext context, CheckoutOrchestrationInput input)
    {
        _context = context;
        _stepOptions = TaskOptions.FromRetryPolicy(new RetryPolicy(
            input.StepMaxAttempts, input.StepFirstRetryInterval, backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));
        _logger = context.CreateReplaySafeLogger<CheckoutOrchestration>();
        _assessesInOneActivity = input.AssessesInOneActivity;
        _handOffRecords = input.HandOffRecords;
        _assessmentRecords = input.AssessmentRecords;
        _captureHandsOff = input.CaptureHandsOff;
        _recordedETag = input.ReadModelETag;

        // The start API wrote this very first transition to the read model before scheduling the orchestration.
        var start = CheckoutTimeline.Start(input.Checkout);
        _state = start.State;
        _recorded = AnnouncedCheckout.Of(_state);
        _timeline.Add(start.Entry);
        Enqueue(start.Commands);
    }

    /// <summary>Runs the checkout from its created state (the orchestration's input: a
    /// <see cref="CheckoutOrchestrationInput"/> as JSON) to an end; returns the final status.</summary>
    public static Task<string> RunAsync(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<string>() ?? throw new InvalidOperationException("The checkout orchestration needs its checkout as input.");
        return new CheckoutOrchestration(context, CheckoutJson.Read<CheckoutOrchestrationInput>(input)).RunAsync();
    }

    private DateTimeOffset Now => new(_context.CurrentUtcDateTime, TimeSpan.Zero);

    private static bool HasEnded(CheckoutState state) => CheckoutTimeline.HasEnded(state);

    private async Task<string> RunAsync()
    {
        _cancel = _context.WaitForExternalEvent<BuyerRequest>(CancelEvent);
        SetCustomStatus();
        while (!HasEnded(_state) && _commands.TryDequeue(out var command))
        {
            switch (command)
            {
                case RequestFxQuote c when _assessesInOneActivity:
                    await AssessAsync(c);
                    break;
                case RequestFxQuote c:
                    await StepAsync(CheckoutActivities.QuoteFx, new StepInput(_state, c.QuoteId));
                    break;
                case CheckCustoms or PlanLogistics:
                    await ChecksAsync(command);
                    break;
                case PriceLandedCost:
                    await StepAsync(CheckoutActivities.PriceLandedCost, new StepInput(_state));
                    break;
                case ScheduleQuoteExpiry c:
                    await RecordAsync();
                    await AwaitBuyerAsync(c);
                    break;
                case CapturePayment when _captureHandsOff && _state.CancelReason is null:
                    await CaptureAndHandOffAsync();
                    break;
                case CapturePayment:
                    await StepAsync(CheckoutActivities.Capture, new StepInput(_state));
                    break;
                case CreateWalletPayment:
                    await StepAsync(CheckoutActivities.CreateWalletPayment, new StepInput(_state));
                    break;
                case AwaitWalletPayment c:
                    await RecordAsync();
                    await AwaitWalletAsync(c);
                    break;
                case CloseWalletPayment:
                    await StepAsync(CheckoutActivities.CloseWalletPayment, new StepInput(_state));
                    break;
                case RefundPayment:
                    await StepAsync(CheckoutActivities.Refund, new StepInput(_state));
                    break;
                case HandOffToPayout:
                    // The checkout ends with the hand-off: it records the end itself.
                    await StepAsync(CheckoutActivities.HandOffToPayout, WithRecord(new StepInput(_state)));
                    break;
                default:
                    throw new InvalidOperationException($"The checkout orchestration cannot run {command.GetType().Name}.");
            }
        }

        if (HasEnded(_state) && _cancel.IsCompleted)
        {
            // A cancel that the capture and hand-off overtook: refused (and logged) now that the checkout has ended.
            ApplyCancel();
        }

        await RecordAsync();
        LogEnded(_logger, _state.Id, _state.Phase);
        return _state.Phase.ToStatus();
    }

    /// <summary>One activity; its result is the next event. A cancel arriving meanwhile is applied at once (so a
    /// capture in flight learns it must refund).</summary>
    private async Task StepAsync(string activity, StepInput input)
    {
        var step = _context.CallActivityAsync<string>(activity, CheckoutJson.Write(input), _stepOptions);
        if (await UntilCompletedAsync(step))
        {
            var result = await ResultAsync(activity, step);
            var recorded = RecordedByStep(input, result is not StepPoisoned);
            Apply(result);
            Recorded(recorded);
        }
    }

    /// <summary>The input, asking the step to record its own result when this checkout's hand-off does
    /// (<see cref="CheckoutOrchestrationInput.HandOffRecords"/>).</summary>
    private StepInput WithRecord(StepInput input) => _handOffRecords ? input with { Record = new StepRecord(_recorded, _timeline, _recordedETag) } : input;

    /// <summary>Whether the step recorded the state its result leads to: it did when asked and it succeeded, and that
    /// state is the one reached here unless a cancel was applied while it ran (then the next record writes the truth).</summary>
    private bool RecordedByStep(StepInput input, bool succeeded) => input.Record is not null && succeeded && _state.Sequence == input.State.Sequence;

    private void Recorded(bool byStep)
    {
        if (byStep)
        {
            // The step does not answer with the row's new ETag: a later record reads the row first.
            _recorded = AnnouncedCheckout.Of(_state);
            _recordedETag = null;
        }
    }

    /// <summary>The rules' judgement from the quote up to the wait for the buyer, in one activity. Its events answer,
    /// in order, the quote and then each rule command the state machine queues as they are applied here, so applying
    /// them takes those commands off the queue: what remains is the wait for the buyer, or nothing after a rejection.
    /// For checkouts started since <see cref="CheckoutOrchestrationInput.AssessmentRecords"/>, the step also records the
    /// state its events lead to (the read model under the ETag of this orchestration's last write, and its webhooks),
    /// so the wait that follows needs no record activity. Two things make that safe, both learnt in the bench's chaos
    /// round. A run of the step again (after a crash, before the engine kept its result) answers with the events the
    /// first run recorded, not with a new quote, so the buyer is charged what was shown. And the buyer-event APIs raise
    /// nothing into an instance whose start the engine has not yet committed (the step can run, and record, before the
    /// engine appends the episode that scheduled it; an event for an instance with no history is dropped).</summary>
    private async Task AssessAsync(RequestFxQuote quote)
    {
        var record = _assessmentRecords && _recordedETag is not null ? new StepRecord(_recorded, _timeline, _recordedETag) : null;
        var step = _context.CallActivityAsync<string>(CheckoutActivities.Assess, CheckoutJson.Write(new StepInput(_state, quote.QuoteId, record)), _stepOptions);
        if (!await UntilCompletedAsync(step))
        {
            // A cancel ended the checkout first; the final record overrules whatever the step may have recorded.
            return;
        }

        IReadOnlyList<CheckoutEvent> events;
        AssessmentOutcome? outcome = null;
        try
        {
            var result = await step;
            if (record is null)
            {
                events = CheckoutJson.ReadEvents(result);
            }
            else
            {
                outcome = CheckoutJson.Read<AssessmentOutcome>(result);
                events = CheckoutJson.ReadEvents(outcome.Events);
            }
        }
        catch (TaskFailedException ex)
        {
            LogStepFailed(_logger, _state.Id, CheckoutActivities.Assess, ex.FailureDetails.ErrorMessage);
            Apply(new StepPoisoned(CheckoutActivities.Assess, ex.FailureDetails.ErrorMessage, Now));
            return;
        }

        for (var i = 0; i < events.Count && !HasEnded(_state); i++)
        {
            if (i > 0 && !(_commands.TryDequeue(out var answered) && answered.IsRuleEvaluation))
            {
                throw new InvalidOperationException($"Checkout {_state.Id}: the assessment's event {events[i].Name} answers no rule step.");
            }

            Apply(events[i]);
        }

        if (outcome is { RecordedSequence: { } sequence })
        {
            // The row holds what the step recorded: this state, unless a cancel was applied meanwhile (then the row is
            // not ours to replace by ETag any more, and the next record reads it first).
            var same = sequence == _state.Sequence;
            _recorded = same ? AnnouncedCheckout.Of(_state) : _recorded;
            _recordedETag = same ? outcome.RecordedETag : null;
        }
    }

    /// <summary>
    /// The card capture and, once it succeeds, the payout hand-off and the record of the end, as one activity
    /// (<see cref="CheckoutActivities.CaptureAndHandOff"/>), for checkouts started since
    /// <see cref="CheckoutOrchestrationInput.CaptureHandsOff"/> and only while no cancel is known. Unlike the other
    /// steps it runs once, without retries, and no cancel is applied while it runs: a card payment being captured cannot
    /// be called back (as a payment service's own "processing" state cannot be canceled), and a capture that succeeds
    /// completes the checkout in the same step, so a cancel that arrives meanwhile comes too late and is refused once the
    /// checkout has ended (the merchant refunds it). When the step fails (the payment service unavailable, a storage
    /// error), the checkout goes on as before this step existed: the capture as a step of its own with retries, during
    /// which a cancel still applies, then the hand-off. Both effects are idempotent, so what the failed run did is found,
    /// not done twice.
    /// </summary>
    private async Task CaptureAndHandOffAsync()
    {
        var input = new StepInput(_state, Record: new StepRecord(_recorded, _timeline, _recordedETag));
        IReadOnlyList<CheckoutEvent> events;
        try
        {
            events = CheckoutJson.ReadEvents(await _context.CallActivityAsync<string>(CheckoutActivities.CaptureAndHandOff, CheckoutJson.Write(input)));
        }
        catch (TaskFailedException ex)
        {
            LogCaptureAndHandOffFailed(_logger, _state.Id, ex.FailureDetails.ErrorMessage);
            await StepAsync(CheckoutActivities.Capture, new StepInput(_state));
            return;
        }

        foreach (var @event in events)
        {
            if (@event is PayoutHandedOff && !(_commands.TryDequeue(out var answered) && answered is HandOffToPayout))
            {
                throw new InvalidOperationException($"Checkout {_state.Id}: the step handed off a payout the state machine did not ask for.");
            }

            Apply(@event);
        }

        // The step recorded the end it handed off to (nothing else was applied meanwhile); a decline is recorded by the
        // wait for a new payment method that follows it.
        Recorded(byStep: events.Count > 1);
    }

    /// <summary>The customs and logistics checks the quote asked for, fanned out together and applied in order (the
    /// shape of checkouts started before the assessment was one activity).</summary>
    private async Task ChecksAsync(CheckoutCommand first)
    {
        var activities = new List<string> { CheckActivity(first) };
        while (_commands.TryPeek(out var next) && next is CheckCustoms or PlanLogistics)
        {
            activities.Add(CheckActivity(_commands.Dequeue()));
        }

        var input = CheckoutJson.Write(new StepInput(_state));
        var checks = activities.Select(a => _context.CallActivityAsync<string>(a, input, _stepOptions)).ToList();
        if (!await UntilCompletedAsync(Task.WhenAll(checks)))
        {
            return;
        }

        for (var i = 0; i < checks.Count; i++)
        {
            Apply(await ResultAsync(activities[i], checks[i]));
        }
    }

    private static string CheckActivity(CheckoutCommand command) =>
        command is CheckCustoms ? CheckoutActivities.ScreenCustoms : CheckoutActivities.PlanLogistics;

    /// <summary>Waits for <paramref name="work"/>, applying cancels as they come; false when a cancel ended the
    /// checkout first (the work's result no longer matters).</summary>
    private async Task<bool> UntilCompletedAsync(Task work)
    {
        while (!work.IsCompleted)
        {
            if (await Task.WhenAny(work, _cancel) == _cancel)
            {
                ApplyCancel();
                if (HasEnded(_state))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The activity's event, or <see cref="StepPoisoned"/> once its retries are spent.</summary>
    private async Task<CheckoutEvent> ResultAsync(string activity, Task<string> step)
    {
        try
        {
            return CheckoutJson.ReadEvent(await step);
        }
        catch (TaskFailedException ex)
        {
            LogStepFailed(_logger, _state.Id, activity, ex.FailureDetails.ErrorMessage);
            return new StepPoisoned(activity, ex.FailureDetails.ErrorMessage, Now);
        }
    }

    private void Apply(CheckoutEvent @event)
    {
        var decision = CheckoutStateMachine.Decide(_state, @event);
        switch (decision.Outcome)
        {
            case DecisionOutcome.Applied:
                LogApplied(_logger, _state.Id, @event.Name, _state.Phase, decision.State.Phase);
                _state = decision.State;
                _timeline.Add(CheckoutTimeline.Entry(_state, @event));
                Enqueue(decision.Commands);
                SetCustomStatus();
                break;
            case DecisionOutcome.Refused:
                LogRefused(_logger, _state.Id, @event.Name, decision.Refusal!.Code);
                break;
            default:
                LogIgnored(_logger, _state.Id, @event.Name, _state.Phase);
                break;
        }
    }

    private void Enqueue(IEnumerable<CheckoutCommand> commands)
    {
        if (HasEnded(_state))
        {
            _commands.Clear();
            return;
        }

        foreach (var command in commands)
        {
            _commands.Enqueue(command);
        }
    }

    /// <summary>What <c>GET /api/checkouts/{id}</c> would show, on the orchestration itself (Durable's customStatus).</summary>
    private void SetCustomStatus() =>
        _context.SetCustomStatus(new CheckoutProgress(_state.Phase.ToStatus(), _state.Quote?.Id, _state.Quote?.ExpiresAt, _state.Rejection?.Code));

    /// <summary>Writes the read model and announces the transitions since the last write, when there were any.</summary>
    private async Task RecordAsync()
    {
        if (_recorded.Sequence == _state.Sequence)
        {
            return;
        }

        // The activity answers with the row's new ETag (nothing in histories from before it did, or when it left the row).
        _recordedETag = await _context.CallActivityAsync<string?>(
            CheckoutActivities.Record, CheckoutJson.Write(new RecordInput(_recorded, _state, _timeline, _recordedETag)), _stepOptions);
        _recorded = AnnouncedCheckout.Of(_state);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Checkout {CheckoutId}: {EventName} moved it from {From} to {To}")]
    private static partial void LogApplied(ILogger logger, string checkoutId, string eventName, CheckoutPhase from, CheckoutPhase to);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Checkout {CheckoutId}: {EventName} refused ({Code})")]
    private static partial void LogRefused(ILogger logger, string checkoutId, string eventName, string code);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Checkout {CheckoutId}: {EventName} ignored in {Phase}")]
    private static partial void LogIgnored(ILogger logger, string checkoutId, string eventName, CheckoutPhase phase);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Checkout {CheckoutId}: step {Activity} failed after its retries: {Reason}")]
    private static partial void LogStepFailed(ILogger logger, string checkoutId, string activity, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Checkout {CheckoutId} ended {Phase}")]
    private static partial void LogEnded(ILogger logger, string checkoutId, CheckoutPhase phase);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Checkout {CheckoutId}: capture and hand-off failed ({Reason}); going on with the capture as a step of its own, with retries")]
    private static partial void LogCaptureAndHandOffFailed(ILogger logger, string checkoutId, string reason);
}
