using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>One itemized amount of a landed cost, in the presentment currency, rounded to its minor unit.</summary>
/// <param name="Sku">The cart line this amount belongs to, or null for cart-wide amounts (shipping, a VAT on the whole
/// consignment, a per-category flat duty).</param>
/// <param name="Base">What a rate was applied to, when the amount is rate × base; null for fixed amounts.</param>
/// <param name="Rate">The effective rate applied to <paramref name="Base"/> (after any reduction such as China's 70%).</param>
/// <param name="Regime">The value band that decided how this amount is levied (e.g. the EU's IOSS band up to
/// EUR 150), when that is a different entry from <paramref name="Rule"/> (e.g. the French VAT rate).</param>
public sealed record LandedCostLine(
    LandedCostLineKind Kind,
    string Description,
    Money Amount,
    RuleReference Rule,
    CollectionPoint CollectedAt,
    string? Sku = null,
    Money? Base = null,
    decimal? Rate = null,
    RuleReference? Regime = null);

public enum LandedCostLineKind
{
    Goods,
    Shipping,
    Insurance,
    Duty,
    Tax,
    Fee,
}

/// <summary>When and by whom an amount is collected from the buyer.</summary>
public enum CollectionPoint
{
    /// <summary>Part of the amount charged at checkout (goods, shipping, point-of-sale VAT/GST, DDP duty and tax).</summary>
    AtCheckout,

    /// <summary>Paid by the buyer to the carrier or customs on delivery (DAP import charges): an estimate.</summary>
    OnDelivery,

    /// <summary>Added by the buyer's bank or payment gateway outside the checkout (e.g. Pakistan's 5% digital presence
    /// proceeds tax): an estimate, never part of the checkout charge.</summary>
    ByPaymentProvider,
}
