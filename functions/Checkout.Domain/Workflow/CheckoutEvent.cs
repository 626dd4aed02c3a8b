using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Payments;

namespace Checkout.Domain.Workflow;

/// <summary>Something that happened to a checkout: a step's result, a buyer's request or a timer. <see cref="At"/>
/// comes from the caller's clock, so <see cref="CheckoutStateMachine"/> stays free of time.</summary>
public abstract record CheckoutEvent(DateTimeOffset At)
{
    /// <summary>The name recorded in the history.</summary>
    public abstract string Name { get; }
}

public sealed record CheckoutStarted(DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "CheckoutStarted";
}

public sealed record FxQuoted(FxQuote Quote, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "FxQuoted";
}

public sealed record FxQuoteFailed(Rejection Reason, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "FxQuoteFailed";
}

/// <param name="Refusal">Null when the goods may enter the destination.</param>
public sealed record CustomsScreened(Rejection? Refusal, IReadOnlyList<string> Flags, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "CustomsScreened";
}

/// <param name="Refusal">Null when <paramref name="Chosen"/> is set.</param>
public sealed record LogisticsPlanned(ShippingOption? Chosen, IReadOnlyList<ShippingOption> Options, Rejection? Refusal, DateTimeOffset At)
    : CheckoutEvent(At)
{
    public override string Name => "LogisticsPlanned";
}

public sealed record LandedCostPriced(LandedCost LandedCost, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "LandedCostPriced";
}

public sealed record LandedCostRefused(Rejection Reason, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "LandedCostRefused";
}

public sealed record ConfirmRequested(string QuoteId, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "ConfirmRequested";
}

public sealed record CancelRequested(string Reason, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "CancelRequested";
}

public sealed record QuoteExpiryDue(string QuoteId, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "QuoteExpiryDue";
}

public sealed record PaymentCaptured(string CaptureId, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "PaymentCaptured";
}

public sealed record PaymentDeclined(Rejection Reason, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "PaymentDeclined";
}

public sealed record PaymentRefunded(string RefundId, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "PaymentRefunded";
}

/// <summary>The payouts workflow accepted the captured funds onto the merchant's balance.</summary>
public sealed record PayoutHandedOff(string PayoutId, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "PayoutHandedOff";
}

/// <summary>A step's message exhausted its deliveries and went to a poison queue.</summary>
public sealed record StepPoisoned(string Step, string Detail, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "StepPoisoned";
}

/// <summary>A new payment method after a decline.</summary>
/// <param name="PaymentToken">The payment service's token for it (never card data).</param>
/// <param name="Attempt">The attempt the requester saw coming next, so a repeated or overtaken request is recognised.</param>
public sealed record PaymentRetryRequested(string PaymentToken, int Attempt, DateTimeOffset At, PaymentMethodType Method = PaymentMethodType.Card) : CheckoutEvent(At)
{
    public override string Name => "PaymentRetryRequested";
}

/// <summary>The wallet created the attempt's payment: the buyer now approves it in the wallet's app.</summary>
public sealed record WalletActionRequired(string WalletPaymentId, NextAction NextAction, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "WalletActionRequired";
}

/// <summary>The wallet payment was not paid by its expiry (the wallet's notice, or the checkout's own timer).</summary>
public sealed record WalletPaymentExpired(string WalletPaymentId, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "WalletPaymentExpired";
}

/// <summary>The wallet closed the payment on the checkout's request, unpaid.</summary>
public sealed record WalletPaymentClosed(string WalletPaymentId, DateTimeOffset At) : CheckoutEvent(At)
{
    public override string Name => "WalletPaymentClosed";
}
