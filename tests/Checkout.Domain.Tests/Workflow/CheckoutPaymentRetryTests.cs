using Checkout.Domain.Workflow;

namespace Checkout.Domain.Tests.Workflow;

/// <summary>A decline waits for a new payment method until the quote expires; each retry is its own charge.</summary>
public sealed class CheckoutPaymentRetryTests
{
    private static readonly DateTimeOffset T0 = CheckoutStates.T0;
    private static readonly DateTimeOffset QuoteExpiry = T0.AddMinutes(15);

    [Fact]
    public void Decline_WhileCapturing_RequiresPaymentMethodCarryingTheDeclineAndWaitsUntilTheQuoteExpires()
    {
        var decision = CheckoutStateMachine.Decide(CheckoutStates.Capturing(), new PaymentDeclined(CheckoutStates.CardDeclined, T0.AddMinutes(2)));

        Assert.Equal(CheckoutPhase.RequiresPaymentMethod, decision.State.Phase);
        Assert.False(decision.State.Phase.IsTerminal());
        Assert.Null(decision.State.Rejection);
        var attempt = Assert.Single(decision.State.PaymentAttempts);
        Assert.Equal(new PaymentAttempt(1, PaymentAttemptStatus.Declined, "cess", T0.AddMinutes(1), CheckoutStates.CardDeclined), attempt);
        Assert.Equal(new ScheduleQuoteExpiry("co-1-q1", QuoteExpiry), Assert.Single(decision.Commands));
    }

    [Fact]
    public void Retry_RequiresPaymentMethod_CapturesTheNewTokenUnderTheAttempt2KeyThenPaysOut()
    {
        var retried = CheckoutStateMachine.Decide(CheckoutStates.RequiresPaymentMethod(), new PaymentRetryRequested("tok_other_card_4242", 2, T0.AddMinutes(3)));

        Assert.Equal(CheckoutPhase.Capturing, retried.State.Phase);
        Assert.Equal("tok_other_card_4242", retried.State.PaymentToken);
        var capture = Assert.IsType<CapturePayment>(Assert.Single(retried.Commands));
        Assert.Equal("co-1-capture-a2", capture.IdempotencyKey);
        Assert.Equal("co-1-capture-a2", CheckoutStateMachine.CaptureKey(retried.State));
        Assert.Equal(CheckoutStates.Cost().AmountDueAtCheckout, capture.Amount);
        Assert.Equal([PaymentAttemptStatus.Declined, PaymentAttemptStatus.Pending], retried.State.PaymentAttempts.Select(a => a.Status));
        Assert.Equal("4242", retried.State.PaymentAttempts[1].TokenSuffix);

        var captured = CheckoutStateMachine.Decide(retried.State, new PaymentCaptured("ch_2", T0.AddMinutes(4)));
        Assert.Equal(CheckoutPhase.PayingOut, captured.State.Phase);
        Assert.IsType<HandOffToPayout>(Assert.Single(captured.Commands));
        Assert.Equal([PaymentAttemptStatus.Declined, PaymentAttemptStatus.Captured], captured.State.PaymentAttempts.Select(a => a.Status));
    }

    [Fact]
    public void Confirm_FirstAttempt_KeepsTheKeyCheckoutsInFlightCaptureUnder()
    {
        var capturing = CheckoutStates.Capturing();

        Assert.Equal("co-1-capture", CheckoutStateMachine.CaptureKey(capturing));
        Assert.Equal(1, Assert.Single(capturing.PaymentAttempts).Number);
    }

    [Fact]
    public void Outcome_CheckoutConfirmedBeforeAttemptsWereRecorded_CountsItsCaptureAsAttempt1()
    {
        var inFlight = CheckoutStates.Capturing() with { PaymentAttempts = [] };
        Assert.Equal("co-1-capture", CheckoutStateMachine.CaptureKey(inFlight));

        var declined = CheckoutStateMachine.Decide(inFlight, new PaymentDeclined(CheckoutStates.CardDeclined, T0.AddMinutes(2)));

        Assert.Equal(CheckoutPhase.RequiresPaymentMethod, declined.State.Phase);
        Assert.Equal((1, PaymentAttemptStatus.Declined), (declined.State.PaymentAttempts[0].Number, declined.State.PaymentAttempts[0].Status));
    }

    [Fact]
    public void QuoteExpiry_RequiresPaymentMethod_FailsWithTheLastDecline()
    {
        var expired = CheckoutStateMachine.Decide(CheckoutStates.RequiresPaymentMethod(), new QuoteExpiryDue("co-1-q1", QuoteExpiry));

        Assert.Equal(CheckoutPhase.Failed, expired.State.Phase);
        Assert.Equal(CheckoutStates.CardDeclined, expired.State.Rejection);
        Assert.Empty(expired.Commands);
    }

    [Fact]
    public void QuoteExpiry_EarlyOrForAnotherQuote_ChangesNothing()
    {
        var waiting = CheckoutStates.RequiresPaymentMethod();

        Assert.Equal(DecisionOutcome.Ignored, CheckoutStateMachine.Decide(waiting, new QuoteExpiryDue("co-1-q1", QuoteExpiry.AddSeconds(-1))).Outcome);
        Assert.Equal(DecisionOutcome.Ignored, CheckoutStateMachine.Decide(waiting, new QuoteExpiryDue("co-1-q0", QuoteExpiry)).Outcome);
    }

    [Fact]
    public void Decline_AfterTheQuoteExpired_FailsAtOnce()
    {
        var decision = CheckoutStateMachine.Decide(CheckoutStates.Capturing(), new PaymentDeclined(CheckoutStates.CardDeclined, QuoteExpiry));

        Assert.Equal(CheckoutPhase.Failed, decision.State.Phase);
        Assert.Equal(CheckoutStates.CardDeclined, decision.State.Rejection);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Decline_TheLastAllowedAttempt_FailsWithThatDecline()
    {
        var state = CheckoutStates.RequiresPaymentMethod();
        for (var attempt = 2; attempt < CheckoutState.MaxPaymentAttempts; attempt++)
        {
            state = CheckoutStates.Through(
                state, new PaymentRetryRequested("tok_sandbox_declined", attempt, T0.AddMinutes(3)), new PaymentDeclined(CheckoutStates.CardDeclined, T0.AddMinutes(3)));
            Assert.Equal(CheckoutPhase.RequiresPaymentMethod, state.Phase);
        }

        var last = CheckoutStates.Through(state, new PaymentRetryRequested("tok_sandbox_declined", CheckoutState.MaxPaymentAttempts, T0.AddMinutes(4)));
        Assert.Equal($"co-1-capture-a{CheckoutState.MaxPaymentAttempts}", CheckoutStateMachine.CaptureKey(last));
        var insufficient = new Rejection("payment.insufficient_funds", "No funds.");
        var ended = CheckoutStateMachine.Decide(last, new PaymentDeclined(insufficient, T0.AddMinutes(4)));

        Assert.Equal(CheckoutPhase.Failed, ended.State.Phase);
        Assert.Equal(insufficient, ended.State.Rejection);
        Assert.Equal(CheckoutState.MaxPaymentAttempts, ended.State.PaymentAttempts.Count);
        Assert.All(ended.State.PaymentAttempts, a => Assert.Equal(PaymentAttemptStatus.Declined, a.Status));
    }

    [Fact]
    public void Cancel_RequiresPaymentMethod_CancelsWithNothingToRefund()
    {
        var decision = CheckoutStateMachine.Decide(CheckoutStates.RequiresPaymentMethod(), new CancelRequested("buyer gave up", T0.AddMinutes(3)));

        Assert.Equal(CheckoutPhase.Canceled, decision.State.Phase);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Retry_RepeatedOrOvertaken_IgnoredNotRefused()
    {
        var retry = new PaymentRetryRequested("tok_sandbox_success", 2, T0.AddMinutes(3));
        var capturing = CheckoutStates.Through(CheckoutStates.RequiresPaymentMethod(), retry);

        Assert.Equal(DecisionOutcome.Ignored, CheckoutStateMachine.Decide(capturing, retry).Outcome);

        // Two retries judged against the same recorded state both name attempt 2; once attempt 2 is declined too, the
        // second (delivered late) must not become attempt 3.
        var declinedAgain = CheckoutStates.Through(capturing, new PaymentDeclined(CheckoutStates.CardDeclined, T0.AddMinutes(4)));
        var late = CheckoutStateMachine.Decide(declinedAgain, retry with { PaymentToken = "tok_second_request" });
        Assert.Equal(DecisionOutcome.Ignored, late.Outcome);
        Assert.Same(declinedAgain, late.State);
    }

    [Theory]
    [InlineData("awaiting", "checkout.not_requires_payment_method")]
    [InlineData("paying-out", "checkout.not_requires_payment_method")]
    [InlineData("completed", "checkout.terminal")]
    [InlineData("expired-quote", "quote.expired")]
    public void Retry_NotRequiringAPaymentMethod_RefusedNamingWhy(string phase, string code)
    {
        var state = phase switch
        {
            "awaiting" => CheckoutStates.AwaitingConfirmation(),
            "paying-out" => CheckoutStates.PayingOut(),
            "completed" => CheckoutStates.Completed(),
            _ => CheckoutStates.RequiresPaymentMethod(),
        };
        var at = phase == "expired-quote" ? QuoteExpiry : T0.AddMinutes(3);

        var decision = CheckoutStateMachine.Decide(state, new PaymentRetryRequested("tok_sandbox_success", state.PaymentAttempts.Count + 1, at));

        Assert.Equal(DecisionOutcome.Refused, decision.Outcome);
        Assert.Equal(code, decision.Refusal!.Code);
        Assert.Same(state, decision.State);
    }

    [Fact]
    public void Confirm_RequiresPaymentMethod_RefusedAsNotAwaitingConfirmation()
    {
        var decision = CheckoutStateMachine.Decide(CheckoutStates.RequiresPaymentMethod(), new ConfirmRequested("co-1-q1", T0.AddMinutes(3)));

        Assert.Equal(DecisionOutcome.Refused, decision.Outcome);
        Assert.Equal("checkout.not_awaiting_confirmation", decision.Refusal!.Code);
    }
}
