namespace Checkout.Domain.Workflow;

/// <summary>What <see cref="CheckoutStateMachine.Decide"/> concluded about one event.</summary>
public enum DecisionOutcome
{
    /// <summary>The event changed the checkout; persist <see cref="CheckoutDecision.State"/> and run the commands.</summary>
    Applied,

    /// <summary>Already applied or no longer relevant (a redelivered message, a late timer): change nothing.</summary>
    Ignored,

    /// <summary>A request the checkout cannot honour in its current phase; the caller is told why.</summary>
    Refused,
}

public sealed record CheckoutDecision(
    CheckoutState State,
    IReadOnlyList<CheckoutCommand> Commands,
    DecisionOutcome Outcome,
    Rejection? Refusal = null);
