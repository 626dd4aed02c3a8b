using Checkout.Domain.Monetary;

namespace Checkout.Domain.Workflow;

/// <summary>Work the state machine asks for. Ids derive from the checkout id and the step, so a redelivered message
/// re-issues the same command and the effect (a charge, a payout) happens once.</summary>
public abstract record CheckoutCommand
{
    /// <summary>True for pure rule evaluation that the worker holding the state runs at once, without a queue hop.</summary>
    public virtual bool RunsInline => false;
}

public sealed record RequestFxQuote(string QuoteId) : CheckoutCommand;

public sealed record CheckCustoms : CheckoutCommand;

public sealed record PlanLogistics : CheckoutCommand;

public sealed record PriceLandedCost : CheckoutCommand
{
    public override bool RunsInline => true;
}

public sealed record ScheduleQuoteExpiry(string QuoteId, DateTimeOffset DueAt) : CheckoutCommand;

public sealed record CapturePayment(string IdempotencyKey, Money Amount) : CheckoutCommand;

public sealed record RefundPayment(string IdempotencyKey, string CaptureId, Money Amount) : CheckoutCommand;

public sealed record HandOffToPayout(string PayoutId, Money CapturedAmount) : CheckoutCommand;
