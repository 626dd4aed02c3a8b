using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>A cart line priced in the presentment currency (at the quote's client rate, rounded per line) and valued
/// in the destination's currency (at mid, unrounded) for threshold tests.</summary>
internal sealed record PricedLine(CartLine Line, HsCode Code, Money Goods, decimal DestinationValue);

/// <summary>The cart with every amount in the presentment currency, plus its value for the destination's thresholds.</summary>
/// <param name="ThresholdValue">Measured on the destination's threshold basis, in its currency, rounded to its minor
/// unit: customs declares values in whole minor units, so "exactly EUR 150.00" is a value a cart can have.</param>
internal sealed record PricedConsignment(
    IReadOnlyList<PricedLine> Lines,
    Money Shipping,
    Money Insurance,
    Money ThresholdValue)
{
    public Money Goods => Lines.Aggregate(Money.Zero(Shipping.Currency), (sum, l) => sum + l.Goods);
}
