using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>Everything a landed cost depends on, known at fan-in once the FX quote, customs screening and the chosen
/// shipping option are in.</summary>
/// <param name="Day">The day the rules are read for (the sale date; the workflow derives it from its clock).</param>
/// <param name="Quote">Converts each line's price currency, the shipping and insurance currency into the cart's
/// presentment currency: it needs a leg for each of them.</param>
/// <param name="Rates">Mid rates, for measuring the consignment against thresholds in the destination's own currency
/// (EUR 150, GBP 135, ...) and for converting fixed amounts set in that currency (the EU's EUR 3).</param>
/// <param name="Shipping">What the buyer is charged for shipping, in its own currency.</param>
/// <param name="Insurance">Transport insurance charged to the buyer, if any.</param>
/// <param name="Channel">Courier or postal: Canada's thresholds depend on it.</param>
/// <param name="YearToDateSpend">The buyer's cross-border e-commerce spend this calendar year, where an annual cap
/// applies (China CBEC) and it is known; any currency.</param>
public sealed record LandedCostRequest(
    Cart Cart,
    DateOnly Day,
    FxQuote Quote,
    ExchangeRateSet Rates,
    Money Shipping,
    Money? Insurance = null,
    ShippingChannel Channel = ShippingChannel.Courier,
    Money? YearToDateSpend = null);
