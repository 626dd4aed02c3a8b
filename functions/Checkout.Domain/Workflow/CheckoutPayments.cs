using Checkout.Domain.Payments;

namespace Checkout.Domain.Workflow;

/// <summary>
/// Paying for a checkout, attempt by attempt. A decline leaves the checkout <see cref="CheckoutPhase.RequiresPaymentMethod"/>
/// (as a Stripe PaymentIntent returns to <c>requires_payment_method</c>) until the confirmed quote expires or
/// <see cref="CheckoutState.MaxPaymentAttempts"/> run out; both end it <see cref="CheckoutPhase.Failed"/> with the last
/// decline as its rejection, as a decline always ended it before retries existed. Each attempt is its own charge under
/// its own capture key; a redelivered capture of the same attempt reuses the key and charges nothing more.
/// </summary>
internal static class CheckoutPayments
{
    /// <summary>Makes the next attempt with <paramref name="paymentToken"/> (a card) or the wallet <paramref name="method"/>:
    /// a card captures under that attempt's key at once; a wallet creates its payment under the same key, which the
    /// buyer then approves (<see cref="CheckoutPhase.RequiresAction"/>).</summary>
    public static CheckoutDecision Capture(CheckoutState state, CheckoutEvent @event, string paymentToken, PaymentMethodType method = PaymentMethodType.Card)
    {
        var attempt = PaymentAttempt.Start(state.PaymentAttempts.Count + 1, paymentToken, @event.At, method);
        var next = state with
        {
            Phase = CheckoutPhase.Capturing,
            PaymentToken = paymentToken,
            PaymentMethod = method,
            WalletPaymentId = null,
            NextAction = null,
            PaymentAttempts = [.. state.PaymentAttempts, attempt],
        };
        var due = CheckoutStateMachine.DueAtCheckout(next);
        return CheckoutStateMachine.Apply(
            next, @event, method.IsWallet() ? new CreateWalletPayment(CaptureKey(next), due, method) : new CapturePayment(CaptureKey(next), due));
    }

    /// <summary>The wallet created its payment: the buyer approves it, or a cancel that came meanwhile closes it.</summary>
    public static CheckoutDecision OnWalletActionRequired(CheckoutState state, WalletActionRequired e)
    {
        if (state.Phase != CheckoutPhase.Capturing || !state.PaymentMethod.IsWallet())
        {
            return CheckoutStateMachine.Ignore(state);
        }

        var next = state with { Phase = CheckoutPhase.RequiresAction, WalletPaymentId = e.WalletPaymentId, NextAction = e.NextAction };
        return CheckoutStateMachine.Apply(
            next,
            e,
            state.CancelReason is null ? new AwaitWalletPayment(e.WalletPaymentId, e.NextAction.ExpiresAt) : new CloseWalletPayment(e.WalletPaymentId));
    }

    /// <summary>Unpaid at its expiry: nothing was captured, and the checkout ends <c>expired</c> (or <c>canceled</c>, when
    /// the merchant had asked for that).</summary>
    public static CheckoutDecision OnWalletExpired(CheckoutState state, WalletPaymentExpired e)
    {
        if (state.Phase != CheckoutPhase.RequiresAction || state.WalletPaymentId != e.WalletPaymentId)
        {
            return CheckoutStateMachine.Ignore(state);
        }

        var attempts = Settle(state, PaymentAttemptStatus.Expired, null, e.At);
        return state.CancelReason is not null
            ? CheckoutStateMachine.Apply(state with { Phase = CheckoutPhase.Canceled, PaymentAttempts = attempts, NextAction = null }, e)
            : CheckoutStateMachine.Apply(
                state with
                {
                    Phase = CheckoutPhase.Expired,
                    PaymentAttempts = attempts,
                    NextAction = null,
                    Rejection = new Rejection("payment.wallet_expired", $"The buyer did not approve the {state.PaymentMethod.ToWire()} payment before {e.At:O}; nothing was charged."),
                },
                e);
    }

    /// <summary>Closed unpaid on a cancel: the checkout is canceled with nothing charged.</summary>
    public static CheckoutDecision OnWalletClosed(CheckoutState state, WalletPaymentClosed e) =>
        state.Phase == CheckoutPhase.RequiresAction && state.WalletPaymentId == e.WalletPaymentId && state.CancelReason is not null
            ? CheckoutStateMachine.Apply(
                state with { Phase = CheckoutPhase.Canceled, PaymentAttempts = Settle(state, PaymentAttemptStatus.Expired, null, e.At), NextAction = null }, e)
            : CheckoutStateMachine.Ignore(state);

    public static CheckoutState Captured(CheckoutState state, PaymentCaptured e) =>
        state with { CaptureId = e.CaptureId, PaymentAttempts = Settle(state, PaymentAttemptStatus.Captured, null, e.At) };

    public static CheckoutDecision OnDeclined(CheckoutState state, PaymentDeclined e)
    {
        if (state.Phase is not (CheckoutPhase.Capturing or CheckoutPhase.RequiresAction))
        {
            return CheckoutStateMachine.Ignore(state);
        }

        var declined = state with { PaymentAttempts = Settle(state, PaymentAttemptStatus.Declined, e.Reason, e.At), NextAction = null };
        if (state.CancelReason is not null)
        {
            return CheckoutStateMachine.Apply(declined with { Phase = CheckoutPhase.Canceled }, e);
        }

        var quote = state.Quote!;
        if (declined.PaymentAttempts.Count >= CheckoutState.MaxPaymentAttempts || quote.IsExpiredAt(e.At))
        {
            return CheckoutStateMachine.Apply(declined with { Phase = CheckoutPhase.Failed, Rejection = e.Reason }, e);
        }

        // The buyer may pay with another method for as long as the price it confirmed holds.
        return CheckoutStateMachine.Apply(declined with { Phase = CheckoutPhase.RequiresPaymentMethod }, e, new ScheduleQuoteExpiry(quote.Id, quote.ExpiresAt));
    }

    /// <summary>A new payment method after a decline. <see cref="PaymentRetryRequested.Attempt"/> names the attempt the
    /// requester saw coming next: one already made (a redelivered or overtaken request) changes nothing.</summary>
    public static CheckoutDecision OnRetryRequested(CheckoutState state, PaymentRetryRequested e)
    {
        if (state.Phase.IsTerminal())
        {
            return CheckoutStateMachine.Refuse(state, "checkout.terminal", $"The checkout is already {state.Phase.ToStatus()}.");
        }

        if (e.Attempt <= state.PaymentAttempts.Count)
        {
            return CheckoutStateMachine.Ignore(state);
        }

        if (state.Phase != CheckoutPhase.RequiresPaymentMethod)
        {
            return CheckoutStateMachine.Refuse(
                state, "checkout.not_requires_payment_method", $"The checkout is {state.Phase.ToStatus()}, not requires_payment_method; only a declined payment can be retried.");
        }

        if (e.Attempt != state.PaymentAttempts.Count + 1)
        {
            return CheckoutStateMachine.Ignore(state);
        }

        var quote = state.Quote!;
        return quote.IsExpiredAt(e.At)
            ? CheckoutStateMachine.Refuse(state, "quote.expired", $"Quote {quote.Id} expired at {quote.ExpiresAt:O}; the checkout can no longer be paid.")
            : Capture(state, e, e.PaymentToken, e.Method);
    }

    /// <summary>The quote expired while the checkout waited for a new payment method: it fails with the last decline.</summary>
    public static CheckoutDecision OnQuoteExpired(CheckoutState state, QuoteExpiryDue e)
    {
        if (state.Quote?.Id != e.QuoteId || !state.Quote.IsExpiredAt(e.At))
        {
            return CheckoutStateMachine.Ignore(state);
        }

        var decline = state.PaymentAttempts.Count > 0 ? state.PaymentAttempts[^1].Decline : null;
        var reason = decline ?? new Rejection("payment.declined", "The payment was declined and no other payment method was given before the quote expired.");
        return CheckoutStateMachine.Apply(state with { Phase = CheckoutPhase.Failed, Rejection = reason }, e);
    }

    /// <summary>Attempt 1 keeps the key checkouts have always captured under; each later attempt is a new charge.</summary>
    public static string CaptureKey(CheckoutState state) =>
        state.PaymentAttempts.Count <= 1 ? $"{state.Id}-capture" : $"{state.Id}-capture-a{state.PaymentAttempts.Count}";

    private static IReadOnlyList<PaymentAttempt> Settle(CheckoutState state, PaymentAttemptStatus status, Rejection? decline, DateTimeOffset at)
    {
        var attempts = state.PaymentAttempts;
        if (attempts.Count == 0)
        {
            // Confirmed before attempts were recorded: its capture was attempt 1.
            return [PaymentAttempt.Start(1, state.PaymentToken, at, state.PaymentMethod) with { Status = status, Decline = decline }];
        }

        return [.. attempts.Take(attempts.Count - 1), attempts[^1] with { Status = status, Decline = decline }];
    }
}
