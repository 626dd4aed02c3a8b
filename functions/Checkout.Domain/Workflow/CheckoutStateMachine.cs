using Checkout.Domain.Monetary;

namespace Checkout.Domain.Workflow;

/// <summary>
/// The checkout workflow as a pure function: <c>(state, event) -> (state, commands)</c>. No clock, no I/O, no ids
/// invented here: times come with the events and ids derive from the checkout id. Every (phase, event) pair not
/// listed is either ignored (a duplicate or stale step result) or refused (a buyer request that doesn't fit).
/// </summary>
public static class CheckoutStateMachine
{
    public static CheckoutDecision Decide(CheckoutState state, CheckoutEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        return @event switch
        {
            CheckoutStarted e => OnStarted(state, e),
            FxQuoted e => OnFxQuoted(state, e),
            FxQuoteFailed e => state.Phase == CheckoutPhase.Quoting ? End(state, e, CheckoutPhase.Failed, e.Reason) : Ignore(state),
            CustomsScreened e => OnCustomsScreened(state, e),
            LogisticsPlanned e => OnLogisticsPlanned(state, e),
            LandedCostPriced e => OnLandedCostPriced(state, e),
            LandedCostRefused e => IsPricing(state) ? End(state, e, CheckoutPhase.Rejected, e.Reason) : Ignore(state),
            ConfirmRequested e => OnConfirmRequested(state, e),
            CancelRequested e => CheckoutCancellation.Decide(state, e),
            QuoteExpiryDue e => state.Phase == CheckoutPhase.RequiresPaymentMethod ? CheckoutPayments.OnQuoteExpired(state, e) : OnQuoteExpiryDue(state, e),
            PaymentCaptured e => OnPaymentCaptured(state, e),
            PaymentDeclined e => CheckoutPayments.OnDeclined(state, e),
            PaymentRetryRequested e => CheckoutPayments.OnRetryRequested(state, e),
            WalletActionRequired e => CheckoutPayments.OnWalletActionRequired(state, e),
            WalletPaymentExpired e => CheckoutPayments.OnWalletExpired(state, e),
            WalletPaymentClosed e => CheckoutPayments.OnWalletClosed(state, e),
            PaymentRefunded e => state.Phase == CheckoutPhase.Refunding
                ? Apply(state with { Phase = CheckoutPhase.Canceled, RefundId = e.RefundId }, e)
                : Ignore(state),
            PayoutHandedOff e => state.Phase == CheckoutPhase.PayingOut
                ? Apply(state with { Phase = CheckoutPhase.Completed, PayoutId = e.PayoutId }, e)
                : Ignore(state),
            StepPoisoned e => state.Phase.HasEnded()
                ? Ignore(state)
                : End(state, e, CheckoutPhase.NeedsAttention, new Rejection("workflow.step_poisoned", $"Step {e.Step} failed repeatedly: {e.Detail}")),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown checkout event."),
        };
    }

    internal static CheckoutDecision Apply(CheckoutState next, CheckoutEvent @event, params CheckoutCommand[] commands) =>
        new(next with { Sequence = next.Sequence + 1, UpdatedAt = @event.At }, commands, DecisionOutcome.Applied);

    internal static CheckoutDecision Ignore(CheckoutState state) => new(state, [], DecisionOutcome.Ignored);

    internal static CheckoutDecision Refuse(CheckoutState state, string code, string detail) =>
        new(state, [], DecisionOutcome.Refused, new Rejection(code, detail));

    private static CheckoutDecision End(CheckoutState state, CheckoutEvent @event, CheckoutPhase phase, Rejection reason) =>
        Apply(state with { Phase = phase, Rejection = reason }, @event);

    private static bool IsPricing(CheckoutState state) =>
        state.Phase is CheckoutPhase.Checking or CheckoutPhase.Quoting && state.CustomsCleared && state.LogisticsPlanned;

    private static CheckoutDecision OnStarted(CheckoutState state, CheckoutStarted e) =>
        state is { Phase: CheckoutPhase.Created, Sequence: 0 }
            ? Apply(state with { Phase = CheckoutPhase.Quoting, QuoteCount = 1 }, e, new RequestFxQuote(state.QuoteIdFor(1)))
            : Ignore(state);

    private static CheckoutDecision OnFxQuoted(CheckoutState state, FxQuoted e)
    {
        if (state.Phase != CheckoutPhase.Quoting || e.Quote.Id != state.QuoteIdFor(state.QuoteCount))
        {
            return Ignore(state);
        }

        var quoted = state with { Quote = e.Quote };
        return state.CustomsCleared && state.LogisticsPlanned
            ? Apply(quoted, e, new PriceLandedCost())
            : Apply(quoted with { Phase = CheckoutPhase.Checking }, e, new CheckCustoms(), new PlanLogistics());
    }

    private static CheckoutDecision OnCustomsScreened(CheckoutState state, CustomsScreened e)
    {
        if (state.Phase != CheckoutPhase.Checking || state.CustomsCleared)
        {
            return Ignore(state);
        }

        if (e.Refusal is not null)
        {
            return End(state, e, CheckoutPhase.Rejected, e.Refusal);
        }

        var next = state with { CustomsCleared = true, CustomsFlags = e.Flags };
        return next.LogisticsPlanned ? Apply(next, e, new PriceLandedCost()) : Apply(next, e);
    }

    private static CheckoutDecision OnLogisticsPlanned(CheckoutState state, LogisticsPlanned e)
    {
        if (state.Phase != CheckoutPhase.Checking || state.LogisticsPlanned)
        {
            return Ignore(state);
        }

        if (e.Refusal is not null || e.Chosen is null)
        {
            return End(state, e, CheckoutPhase.Rejected, e.Refusal ?? new Rejection("logistics.no_option", "No shipping option was chosen."));
        }

        var next = state with { LogisticsPlanned = true, Shipping = e.Chosen, ShippingOptions = e.Options };
        return next.CustomsCleared ? Apply(next, e, new PriceLandedCost()) : Apply(next, e);
    }

    private static CheckoutDecision OnLandedCostPriced(CheckoutState state, LandedCostPriced e)
    {
        if (!IsPricing(state) || state.Quote is null)
        {
            return Ignore(state);
        }

        var next = state with { Phase = CheckoutPhase.AwaitingConfirmation, LandedCost = e.LandedCost };
        return Apply(next, e, new ScheduleQuoteExpiry(state.Quote.Id, state.Quote.ExpiresAt));
    }

    private static CheckoutDecision OnConfirmRequested(CheckoutState state, ConfirmRequested e)
    {
        if (state.Phase != CheckoutPhase.AwaitingConfirmation)
        {
            // A retried confirm of the quote already confirmed is the same request: answer it the same way.
            var confirmedThisQuote = state.Quote?.Id == e.QuoteId
                && state.Phase is CheckoutPhase.Capturing or CheckoutPhase.PayingOut or CheckoutPhase.Completed;
            return confirmedThisQuote
                ? Ignore(state)
                : Refuse(state, "checkout.not_awaiting_confirmation", $"The checkout is {state.Phase.ToStatus()}, not awaiting confirmation.");
        }

        var quote = state.Quote!;
        if (e.QuoteId != quote.Id)
        {
            return Refuse(state, "quote.superseded", $"Quote {e.QuoteId} is not the current quote; confirm {quote.Id}.");
        }

        if (quote.IsExpiredAt(e.At))
        {
            return Refuse(state, "quote.expired", $"Quote {quote.Id} expired at {quote.ExpiresAt:O}; a new quote follows.");
        }

        return CheckoutPayments.Capture(state with { ConfirmedAt = e.At }, e, state.PaymentToken, state.PaymentMethod);
    }

    private static CheckoutDecision OnQuoteExpiryDue(CheckoutState state, QuoteExpiryDue e)
    {
        if (state.Phase != CheckoutPhase.AwaitingConfirmation || state.Quote?.Id != e.QuoteId || !state.Quote.IsExpiredAt(e.At))
        {
            return Ignore(state);
        }

        if (state.QuoteCount < CheckoutState.MaxQuotes)
        {
            var number = state.QuoteCount + 1;
            return Apply(state with { Phase = CheckoutPhase.Quoting, QuoteCount = number }, e, new RequestFxQuote(state.QuoteIdFor(number)));
        }

        return End(state, e, CheckoutPhase.Expired, new Rejection("quote.expired", $"The buyer did not confirm within {CheckoutState.MaxQuotes} quotes."));
    }

    private static CheckoutDecision OnPaymentCaptured(CheckoutState state, PaymentCaptured e)
    {
        if (state.Phase is not (CheckoutPhase.Capturing or CheckoutPhase.RequiresAction))
        {
            return Ignore(state);
        }

        var captured = CheckoutPayments.Captured(state, e);
        var amount = state.LandedCost!.AmountDueAtCheckout;
        return state.CancelReason is not null
            ? Apply(captured with { Phase = CheckoutPhase.Refunding }, e, new RefundPayment(RefundKey(state), e.CaptureId, amount))
            : Apply(captured with { Phase = CheckoutPhase.PayingOut, NextAction = null }, e, new HandOffToPayout(PayoutId(state), amount));
    }

    /// <summary>The capture key of the checkout's current payment attempt.</summary>
    public static string CaptureKey(CheckoutState state) => CheckoutPayments.CaptureKey(state);

    public static string RefundKey(CheckoutState state) => $"{state.Id}-refund";

    public static string PayoutId(CheckoutState state) => $"{state.Id}-payout";

    internal static Money DueAtCheckout(CheckoutState state) => state.LandedCost!.AmountDueAtCheckout;
}
