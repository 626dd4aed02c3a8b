using Checkout.Domain.Payments;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Buyers;
using Checkout.Workflows.Events;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Steps;

/// <summary>
/// What the checkout orchestration's activities do. Activities run at least once (a crash after the effect and before
/// Durable records the result runs them again), so every effect carries a key derived from the checkout and the step:
/// the capture and refund keys, the payout id, the ledger transaction ids, the webhook event ids. Rules steps are pure
/// functions of the state and the day. Each returns the step's result as an event for the orchestration to apply.
/// </summary>
public sealed class CheckoutSteps(
    ICheckoutRules rules,
    IPaymentGateway payments,
    IWalletGateway wallets,
    PayoutHandOff payouts,
    CheckoutStore store,
    CbecAnnualLimit annualLimit,
    IMerchantEventPublisher publisher,
    CheckoutWorkflowOptions options,
    TimeProvider clock)
{
    /// <summary>The rules' whole judgement up to the wait for the buyer: the events, in order, as a JSON array. A CBEC
    /// checkout's landed cost is checked against the buyer's annual total, and counted in it when priced. When the
    /// orchestration asks (<see cref="StepInput.Record"/> with the ETag of its last write), the step also records the
    /// state the events lead to and answers with an <see cref="AssessmentOutcome"/>: the row is replaced only if
    /// nothing wrote it since, and kept beside the state are the events themselves, so that a run of this step again
    /// answers with what the first run recorded (and the buyer was shown) instead of a new quote.</summary>
    public async Task<string> AssessAsync(string input, CancellationToken cancellationToken)
    {
        var step = CheckoutJson.Read<StepInput>(input);
        var quoteId = step.QuoteId ?? throw new FormatException("An assessment needs its quote id.");
        var annualTotal = await annualLimit.ReadAsync(step.State, cancellationToken);
        var events = CheckoutAssessment.Run(rules, step.State, new RequestFxQuote(quoteId), clock, annualTotal?.OthersThisYear);
        await annualLimit.SettleAsync(annualTotal, events, cancellationToken);
        var answer = CheckoutJson.WriteEvents(events);
        if (step.Record is not { ETag: { } etag } record)
        {
            return answer;
        }

        var timeline = record.Timeline.ToList();
        var after = CheckoutTimeline.Apply(step.State, events, timeline);
        var written = await store.ReplaceIfUnchangedAsync(after, timeline, new RecordedAssessment(quoteId, answer), etag, cancellationToken);
        if (written is null)
        {
            // Written since the orchestration's last write: by an earlier run of this step (its result possibly not
            // kept by the engine yet), or by the orchestration's record of a cancel that ended the checkout.
            var stored = await store.GetWithETagAsync(step.State.MerchantId, step.State.Id, cancellationToken);
            if (stored is not { Checkout.Assessment: { } earlier } found || earlier.QuoteId != quoteId)
            {
                return CheckoutJson.Write(new AssessmentOutcome(answer));
            }

            // Answer as the earlier run did; its order, not this run's, is the one counted in the buyer's annual total.
            answer = earlier.Events;
            after = found.Checkout.State;
            written = found.ETag;
            await annualLimit.SettleAsync(await annualLimit.ReadAsync(step.State, cancellationToken), CheckoutJson.ReadEvents(answer), cancellationToken);
        }

        // Announced again by a repeated run (the first may have stopped before it): the same event ids, which receivers dedupe.
        await AnnounceAsync(record.AnnouncedBefore, after, cancellationToken);
        return CheckoutJson.Write(new AssessmentOutcome(answer, after.Sequence, written));
    }

    public string QuoteFx(string input)
    {
        var step = CheckoutJson.Read<StepInput>(input);
        var quoteId = step.QuoteId ?? throw new FormatException("An FX quote step needs its quote id.");
        return CheckoutJson.WriteEvent(rules.QuoteFx(step.State, quoteId, clock.GetUtcNow()));
    }

    public string ScreenCustoms(string input) =>
        CheckoutJson.WriteEvent(rules.ScreenCustoms(CheckoutJson.Read<StepInput>(input).State, clock.GetUtcNow()));

    public string PlanLogistics(string input) =>
        CheckoutJson.WriteEvent(rules.PlanLogistics(CheckoutJson.Read<StepInput>(input).State, clock.GetUtcNow()));

    public string PriceLandedCost(string input) =>
        CheckoutJson.WriteEvent(rules.PriceLandedCost(CheckoutJson.Read<StepInput>(input).State, clock.GetUtcNow()));

    public async Task<string> CaptureAsync(string input, CancellationToken cancellationToken) =>
        CheckoutJson.WriteEvent(await CaptureEventAsync(CheckoutJson.Read<StepInput>(input).State, cancellationToken));

    /// <summary>
    /// The card capture and, when it succeeds, the payout hand-off and the record of the checkout's end, in one
    /// activity (checkouts started since <see cref="CheckoutOrchestrationInput.CaptureHandsOff"/>): nothing waits between
    /// the two, so the engine's round trip between them (a work item, a result message and an episode) bought nothing.
    /// Answers the events in order, as a JSON array: the capture and the hand-off, or the capture's result alone when
    /// the state machine does not go on to the hand-off from it (a decline). Both effects are idempotent under keys
    /// derived from the checkout, so a run of this step again captures and hands off nothing twice.
    /// </summary>
    public async Task<string> CaptureAndHandOffAsync(string input, CancellationToken cancellationToken)
    {
        var step = CheckoutJson.Read<StepInput>(input);
        var captured = await CaptureEventAsync(step.State, cancellationToken);
        var decision = CheckoutStateMachine.Decide(step.State, captured);
        if (decision is not { Outcome: DecisionOutcome.Applied, Commands: [HandOffToPayout handOff] })
        {
            return CheckoutJson.WriteEvents([captured]);
        }

        var handedOff = await payouts.HandOffAsync(decision.State, handOff.PayoutId, clock.GetUtcNow(), cancellationToken);
        await RecordResultAsync(step, [captured, handedOff], cancellationToken);
        return CheckoutJson.WriteEvents([captured, handedOff]);
    }

    private async Task<CheckoutEvent> CaptureEventAsync(CheckoutState state, CancellationToken cancellationToken)
    {
        var amount = state.LandedCost!.AmountDueAtCheckout;
        var result = await payments.CaptureAsync(new CaptureRequest(CheckoutStateMachine.CaptureKey(state), state.Id, state.PaymentToken, amount), cancellationToken);
        var now = clock.GetUtcNow();
        return result.CaptureId is { } captureId ? new PaymentCaptured(captureId, now) : new PaymentDeclined(result.Decline!, now);
    }

    /// <summary>Creates the current attempt's wallet payment under the attempt's key; the buyer has
    /// <see cref="CheckoutWorkflowOptions.WalletPaymentTtl"/> to approve it. A repeated call returns the same payment
    /// with the expiry it was first given.</summary>
    public async Task<string> CreateWalletPaymentAsync(string input, CancellationToken cancellationToken)
    {
        var state = CheckoutJson.Read<StepInput>(input).State;
        var now = clock.GetUtcNow();
        var request = new WalletPaymentRequest(
            CheckoutStateMachine.CaptureKey(state), state.Id, state.MerchantId, state.PaymentMethod, state.LandedCost!.AmountDueAtCheckout, now + options.WalletPaymentTtl);
        var payment = await wallets.CreateAsync(request, cancellationToken);
        return CheckoutJson.WriteEvent(new WalletActionRequired(payment.WalletPaymentId, payment.NextAction, now));
    }

    /// <summary>Closes the wallet payment a cancel no longer wants: closed unpaid, or paid already (then it is a
    /// capture, which the state machine refunds because of the cancel).</summary>
    public async Task<string> CloseWalletPaymentAsync(string input, CancellationToken cancellationToken)
    {
        var state = CheckoutJson.Read<StepInput>(input).State;
        var paymentId = state.WalletPaymentId ?? throw new FormatException("Closing a wallet payment needs the checkout's wallet payment.");
        var closed = await wallets.CloseAsync(paymentId, cancellationToken);
        var now = clock.GetUtcNow();
        return CheckoutJson.WriteEvent(closed.PaidTransactionId is { } paid ? new PaymentCaptured(paid, now) : new WalletPaymentClosed(paymentId, now));
    }

    public async Task<string> RefundAsync(string input, CancellationToken cancellationToken)
    {
        var state = CheckoutJson.Read<StepInput>(input).State;
        var amount = state.LandedCost!.AmountDueAtCheckout;
        var result = await payments.RefundAsync(new RefundRequest(CheckoutStateMachine.RefundKey(state), state.Id, state.CaptureId!, amount), cancellationToken);

        // The workflow has no way on without the refund: a refusal fails the step, and once its retries are spent the
        // checkout needs attention, with nothing posted (the captured funds stay in clearing).
        var refundId = result.RefundId ?? throw new InvalidOperationException($"The payment service refused the refund ({result.Refusal?.Code}).");
        var now = clock.GetUtcNow();
        await payouts.RecordRefundAsync(state, now, cancellationToken);
        return CheckoutJson.WriteEvent(new PaymentRefunded(refundId, now));
    }

    public async Task<string> HandOffToPayoutAsync(string input, CancellationToken cancellationToken)
    {
        var step = CheckoutJson.Read<StepInput>(input);
        var handedOff = await payouts.HandOffAsync(step.State, CheckoutStateMachine.PayoutId(step.State), clock.GetUtcNow(), cancellationToken);
        await RecordResultAsync(step, [handedOff], cancellationToken);
        return CheckoutJson.WriteEvent(handedOff);
    }

    /// <summary>When the orchestration asked (<see cref="StepInput.Record"/>), records the state the step's events lead
    /// to, decided as the orchestration will decide it, before the result is returned: the record activity that would
    /// have followed, without its own round trip through the engine's queues and history.</summary>
    private async Task RecordResultAsync(StepInput step, IReadOnlyList<CheckoutEvent> events, CancellationToken cancellationToken)
    {
        if (step.Record is not { } record)
        {
            return;
        }

        var timeline = record.Timeline.ToList();
        var after = CheckoutTimeline.Apply(step.State, events, timeline);
        await RecordAsync(new RecordInput(record.AnnouncedBefore, after, timeline, record.ETag), cancellationToken);
    }

    /// <summary>Writes the read model, then hands the merchant events of the transitions since the last record to
    /// webhook delivery as one message: a webhook receiver that reads the status finds what the event announced.
    /// Repeating it writes the same row and sends events with the same ids, which receivers dedupe. Returns the row's
    /// new ETag for the orchestration's next record (null when the row was left as it was).</summary>
    public Task<string?> RecordAsync(string input, CancellationToken cancellationToken) => RecordAsync(CheckoutJson.Read<RecordInput>(input), cancellationToken);

    private async Task<string?> RecordAsync(RecordInput record, CancellationToken cancellationToken)
    {
        var before = record.AnnouncedBefore;
        if (record.After.Sequence == before.Sequence)
        {
            return record.ETag;
        }

        var etag = await store.SaveAsync(record.After, record.Timeline, record.ETag, cancellationToken);
        await AnnounceAsync(before, record.After, cancellationToken);
        return etag;
    }

    /// <summary>What follows a record: an ended checkout lets go of its buyer's identity, and the merchant events of the
    /// transitions from <paramref name="before"/> to <paramref name="after"/> go to webhook delivery as one message.</summary>
    private async Task AnnounceAsync(AnnouncedCheckout before, CheckoutState after, CancellationToken cancellationToken)
    {
        if (after.BuyerIdentity is not null && after.Phase.IsTerminal())
        {
            // The order no longer needs the buyer's identity: it goes once the checkout has ended, and an order not
            // kept stops counting toward the buyer's annual CBEC total.
            await annualLimit.EndAsync(after, cancellationToken);
        }

        await publisher.PublishAsync(CheckoutWebhookEvents.For(before, after), cancellationToken);
    }
}
