using Checkout.Domain.Workflow;

namespace Checkout.Domain.Tests.Workflow;

public sealed class CheckoutStateMachineTests
{
    private static readonly DateTimeOffset T0 = CheckoutStates.T0;

    [Fact]
    public void HappyPath_EachStepAppliedInOrder_EndsCompletedWithDerivedIdsAndCommands()
    {
        var started = CheckoutStateMachine.Decide(CheckoutStates.New(), new CheckoutStarted(T0));
        Assert.Equal(CheckoutPhase.Quoting, started.State.Phase);
        Assert.Equal(new RequestFxQuote("co-1-q1"), Assert.Single(started.Commands));

        var quoted = CheckoutStateMachine.Decide(started.State, new FxQuoted(CheckoutStates.Quote("co-1-q1", T0), T0));
        Assert.Equal(CheckoutPhase.Checking, quoted.State.Phase);
        Assert.Equal([typeof(CheckCustoms), typeof(PlanLogistics)], quoted.Commands.Select(c => c.GetType()));

        var priced = CheckoutStateMachine.Decide(CheckoutStates.Pricing(), new LandedCostPriced(CheckoutStates.Cost(), T0));
        Assert.Equal(CheckoutPhase.AwaitingConfirmation, priced.State.Phase);
        Assert.Equal(new ScheduleQuoteExpiry("co-1-q1", T0.AddMinutes(15)), Assert.Single(priced.Commands));

        var confirmed = CheckoutStateMachine.Decide(priced.State, new ConfirmRequested("co-1-q1", T0.AddMinutes(1)));
        var capture = Assert.IsType<CapturePayment>(Assert.Single(confirmed.Commands));
        Assert.Equal("co-1-capture", capture.IdempotencyKey);
        Assert.Equal(CheckoutStates.Cost().AmountDueAtCheckout, capture.Amount);

        var captured = CheckoutStateMachine.Decide(confirmed.State, new PaymentCaptured("ch_1", T0.AddMinutes(2)));
        Assert.Equal(CheckoutPhase.PayingOut, captured.State.Phase);
        Assert.IsType<HandOffToPayout>(Assert.Single(captured.Commands));

        var completed = CheckoutStateMachine.Decide(captured.State, new PayoutHandedOff("co-1-payout", T0.AddMinutes(3)));
        Assert.Equal(CheckoutPhase.Completed, completed.State.Phase);
        Assert.Equal(8, completed.State.Sequence); // started, quoted, customs, logistics, priced, confirmed, captured, handed off
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FanIn_CustomsAndLogisticsInEitherOrder_PricesOnlyWhenBothRecorded(bool customsFirst)
    {
        CheckoutEvent customs = new CustomsScreened(null, ["customs.restricted"], T0);
        CheckoutEvent logistics = new LogisticsPlanned(CheckoutStates.Shipping(), [CheckoutStates.Shipping()], null, T0);
        var (first, second) = customsFirst ? (customs, logistics) : (logistics, customs);

        var afterFirst = CheckoutStateMachine.Decide(CheckoutStates.Checking(), first);
        Assert.Empty(afterFirst.Commands);
        var afterSecond = CheckoutStateMachine.Decide(afterFirst.State, second);
        Assert.IsType<PriceLandedCost>(Assert.Single(afterSecond.Commands));
        Assert.True(afterSecond.Commands[0].IsRuleEvaluation);

        var duplicate = CheckoutStateMachine.Decide(afterSecond.State, first);
        Assert.Equal(DecisionOutcome.Ignored, duplicate.Outcome);
        Assert.Same(afterSecond.State, duplicate.State);
    }

    [Fact]
    public void CustomsRefusal_WhileChecking_RejectsWithTheCode()
    {
        var decision = CheckoutStateMachine.Decide(CheckoutStates.Checking(), new CustomsScreened(new Rejection("customs.prohibited_goods", "weapons"), [], T0));
        Assert.Equal(CheckoutPhase.Rejected, decision.State.Phase);
        Assert.Equal("customs.prohibited_goods", decision.State.Rejection!.Code);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void QuoteExpiry_FirstQuote_RequotesOnceThenExpires()
    {
        var awaiting = CheckoutStates.AwaitingConfirmation();
        var expiry = T0.AddMinutes(15);

        var requote = CheckoutStateMachine.Decide(awaiting, new QuoteExpiryDue("co-1-q1", expiry));
        Assert.Equal(CheckoutPhase.Quoting, requote.State.Phase);
        Assert.Equal(new RequestFxQuote("co-1-q2"), Assert.Single(requote.Commands));

        var requoted = CheckoutStateMachine.Decide(requote.State, new FxQuoted(CheckoutStates.Quote("co-1-q2", expiry), expiry));
        Assert.IsType<PriceLandedCost>(Assert.Single(requoted.Commands));
        var awaitingAgain = CheckoutStateMachine.Decide(requoted.State, new LandedCostPriced(CheckoutStates.Cost(), expiry)).State;
        Assert.Equal(CheckoutPhase.AwaitingConfirmation, awaitingAgain.Phase);

        var expired = CheckoutStateMachine.Decide(awaitingAgain, new QuoteExpiryDue("co-1-q2", expiry.AddMinutes(15)));
        Assert.Equal(CheckoutPhase.Expired, expired.State.Phase);
        Assert.Equal("quote.expired", expired.State.Rejection!.Code);
    }

    [Fact]
    public void QuoteExpiry_TimerEarlyLateOrForOldQuote_ChangesNothing()
    {
        var awaiting = CheckoutStates.AwaitingConfirmation();
        Assert.Equal(DecisionOutcome.Ignored, CheckoutStateMachine.Decide(awaiting, new QuoteExpiryDue("co-1-q1", T0.AddMinutes(14))).Outcome);
        Assert.Equal(DecisionOutcome.Ignored, CheckoutStateMachine.Decide(awaiting, new QuoteExpiryDue("co-1-q0", T0.AddMinutes(30))).Outcome);
        Assert.Equal(DecisionOutcome.Ignored, CheckoutStateMachine.Decide(CheckoutStates.Capturing(), new QuoteExpiryDue("co-1-q1", T0.AddMinutes(30))).Outcome);
    }

    [Theory]
    [InlineData("co-1-q0", 1, "quote.superseded")]
    [InlineData("co-1-q1", 15, "quote.expired")]
    public void Confirm_WrongOrExpiredQuote_RefusedAndStateUnchanged(string quoteId, int minutesLater, string code)
    {
        var awaiting = CheckoutStates.AwaitingConfirmation();
        var decision = CheckoutStateMachine.Decide(awaiting, new ConfirmRequested(quoteId, T0.AddMinutes(minutesLater)));
        Assert.Equal(DecisionOutcome.Refused, decision.Outcome);
        Assert.Equal(code, decision.Refusal!.Code);
        Assert.Same(awaiting, decision.State);
    }

    [Fact]
    public void Confirm_Repeated_IgnoredNotRefused()
    {
        var decision = CheckoutStateMachine.Decide(CheckoutStates.Capturing(), new ConfirmRequested("co-1-q1", T0.AddMinutes(2)));
        Assert.Equal(DecisionOutcome.Ignored, decision.Outcome);
    }

    [Fact]
    public void Cancel_BeforeCapture_CancelsWithoutRefund()
    {
        var decision = CheckoutStateMachine.Decide(CheckoutStates.AwaitingConfirmation(), new CancelRequested("changed mind", T0));
        Assert.Equal(CheckoutPhase.Canceled, decision.State.Phase);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Cancel_AfterCapture_RefundsThenCancels()
    {
        var refunding = CheckoutStateMachine.Decide(CheckoutStates.PayingOut(), new CancelRequested("changed mind", T0));
        Assert.Equal(CheckoutPhase.Refunding, refunding.State.Phase);
        var refund = Assert.IsType<RefundPayment>(Assert.Single(refunding.Commands));
        Assert.Equal(("co-1-refund", "ch_1"), (refund.IdempotencyKey, refund.CaptureId));

        var canceled = CheckoutStateMachine.Decide(refunding.State, new PaymentRefunded("re_1", T0));
        Assert.Equal(CheckoutPhase.Canceled, canceled.State.Phase);
    }

    [Fact]
    public void Cancel_WhileCapturing_RefundsWhenTheCaptureLands()
    {
        var pending = CheckoutStateMachine.Decide(CheckoutStates.Capturing(), new CancelRequested("changed mind", T0));
        Assert.Equal(CheckoutPhase.Capturing, pending.State.Phase);
        var captured = CheckoutStateMachine.Decide(pending.State, new PaymentCaptured("ch_1", T0));
        Assert.Equal(CheckoutPhase.Refunding, captured.State.Phase);
        Assert.IsType<RefundPayment>(Assert.Single(captured.Commands));
    }

    [Fact]
    public void Cancel_WhileCapturingThenDeclined_Cancels()
    {
        var pending = CheckoutStateMachine.Decide(CheckoutStates.Capturing(), new CancelRequested("changed mind", T0));
        var declined = CheckoutStateMachine.Decide(pending.State, new PaymentDeclined(new Rejection("payment.card_declined", "no"), T0));
        Assert.Equal(CheckoutPhase.Canceled, declined.State.Phase);
    }

    [Fact]
    public void Poisoned_NonTerminal_NeedsAttentionWithReason()
    {
        var decision = CheckoutStateMachine.Decide(CheckoutStates.Checking(), new StepPoisoned("customs", "boom", T0));
        Assert.Equal(CheckoutPhase.NeedsAttention, decision.State.Phase);
        Assert.Contains("boom", decision.State.Rejection!.Detail, StringComparison.Ordinal);
    }
}
