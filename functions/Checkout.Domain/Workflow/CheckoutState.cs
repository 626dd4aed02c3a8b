using Checkout.Domain.Buyers;
using Checkout.Domain.Carts;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Payments;

namespace Checkout.Domain.Workflow;

/// <summary>
/// Everything the workflow knows about one checkout. Immutable: <see cref="CheckoutStateMachine.Decide"/> returns a
/// new state. <see cref="Sequence"/> counts applied events and numbers the history rows.
/// </summary>
public sealed record CheckoutState
{
    /// <summary>A buyer may be shown at most this many quotes: the first and one requote after it expires.</summary>
    public const int MaxQuotes = 2;

    /// <summary>Payment attempts a checkout allows in all (the first and the retries after declines): enough for a buyer
    /// who mistyped or picked the wrong card, too few to make a checkout a way to test stolen cards.</summary>
    public const int MaxPaymentAttempts = 5;

    public required string Id { get; init; }

    public required string MerchantId { get; init; }

    public required string MerchantReference { get; init; }

    public required Cart Cart { get; init; }

    /// <summary>The payment service's token for the buyer's card (never card data): the one the checkout started with,
    /// or the latest retry's; empty for a wallet payment.</summary>
    public required string PaymentToken { get; init; }

    /// <summary>How the buyer pays: a card (<see cref="PaymentToken"/>) or a wallet, approved in the wallet's app.</summary>
    public PaymentMethodType PaymentMethod { get; init; } = PaymentMethodType.Card;

    /// <summary>The wallet's payment for the current attempt, once created.</summary>
    public string? WalletPaymentId { get; init; }

    /// <summary>What the buyer must do while the checkout <see cref="CheckoutPhase.RequiresAction"/>.</summary>
    public NextAction? NextAction { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The buyer's identity for Chinese customs, masked: the identity itself is kept apart, encrypted, until
    /// the checkout ends, and never enters the state or the workflow's history.</summary>
    public MaskedBuyerIdentity? BuyerIdentity { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public CheckoutPhase Phase { get; init; } = CheckoutPhase.Created;

    public int Sequence { get; init; }

    public int QuoteCount { get; init; }

    public FxQuote? Quote { get; init; }

    public bool CustomsCleared { get; init; }

    public IReadOnlyList<string> CustomsFlags { get; init; } = [];

    public bool LogisticsPlanned { get; init; }

    public ShippingOption? Shipping { get; init; }

    public IReadOnlyList<ShippingOption> ShippingOptions { get; init; } = [];

    public LandedCost? LandedCost { get; init; }

    /// <summary>When the buyer confirmed the quote: from then on the landed cost is what is charged, no longer an estimate.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>Every try at charging the buyer, oldest first; the last is the current one.</summary>
    public IReadOnlyList<PaymentAttempt> PaymentAttempts { get; init; } = [];

    public string? CaptureId { get; init; }

    public string? RefundId { get; init; }

    public string? PayoutId { get; init; }

    public string? CancelReason { get; init; }

    /// <summary>Why the checkout ended badly: rejected, failed, expired or needs attention.</summary>
    public Rejection? Rejection { get; init; }

    /// <summary>The id of the quote the buyer is currently asked to confirm: derived, so redelivery re-creates the same id.</summary>
    public string QuoteIdFor(int quoteNumber) => $"{Id}-q{quoteNumber}";
}
