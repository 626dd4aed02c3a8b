using Checkout.Domain.Monetary;
using Checkout.Domain.Payments;

namespace Checkout.Domain.Workflow;

/// <summary>Work the state machine asks for. Ids derive from the checkout id and the step, so a redelivered message
/// re-issues the same command and the effect (a charge, a payout) happens once.</summary>
public abstract record CheckoutCommand
{
    /// <summary>True for the rules' own judgement (FX quote, customs, logistics, landed cost): a pure function of the
    /// state, the reference data and the day, with no effect outside, so the workflow may run a chain of them in one
    /// step.</summary>
    public virtual bool IsRuleEvaluation => false;
}

public sealed record RequestFxQuote(string QuoteId) : CheckoutCommand
{
    public override bool IsRuleEvaluation => true;
}

public sealed record CheckCustoms : CheckoutCommand
{
    public override bool IsRuleEvaluation => true;
}

public sealed record PlanLogistics : CheckoutCommand
{
    public override bool IsRuleEvaluation => true;
}

public sealed record PriceLandedCost : CheckoutCommand
{
    public override bool IsRuleEvaluation => true;
}

public sealed record ScheduleQuoteExpiry(string QuoteId, DateTimeOffset DueAt) : CheckoutCommand;

public sealed record CapturePayment(string IdempotencyKey, Money Amount) : CheckoutCommand;

/// <summary>Creates the wallet payment of the current attempt, under the attempt's key.</summary>
public sealed record CreateWalletPayment(string IdempotencyKey, Money Amount, PaymentMethodType Method) : CheckoutCommand;

/// <summary>Waits for the wallet's notification about <paramref name="WalletPaymentId"/>, until it expires.</summary>
public sealed record AwaitWalletPayment(string WalletPaymentId, DateTimeOffset ExpiresAt) : CheckoutCommand;

/// <summary>Closes a wallet payment the checkout no longer wants (it was canceled while the buyer had not paid).</summary>
public sealed record CloseWalletPayment(string WalletPaymentId) : CheckoutCommand;

public sealed record RefundPayment(string IdempotencyKey, string CaptureId, Money Amount) : CheckoutCommand;

public sealed record HandOffToPayout(string PayoutId, Money CapturedAmount) : CheckoutCommand;
