using System.Globalization;
using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>What the duty, tax and fee assessors share for one calculation: the priced cart, the destination's rules
/// and the shipping and insurance split over the lines (largest remainder, by goods value) so that per-line CIF bases
/// add up exactly to the consignment's CIF value.</summary>
internal sealed class LandedCostContext
{
    public LandedCostContext(LandedCostRequest request, DestinationRules destination, PricedConsignment priced)
    {
        Request = request;
        Destination = destination;
        Priced = priced;
        Valuation = destination.ValuationOn(request.Day);
        var weights = priced.Lines.Select(l => l.Goods.Amount).ToList();
        if (weights.All(w => w == 0m))
        {
            weights = weights.Select(_ => 1m).ToList();
        }

        ShippingPerLine = Allocator.Allocate(priced.Shipping, weights);
        InsurancePerLine = Allocator.Allocate(priced.Insurance, weights);
        Query = new RegimeQuery(
            request.Day, priced.ThresholdValue.Amount, request.Channel, request.Cart.ShipFrom.Country,
            request.Cart.Lines.Select(l => l.OriginCountry).Distinct().ToList());
    }

    public LandedCostRequest Request { get; }

    public DestinationRules Destination { get; }

    public PricedConsignment Priced { get; }

    public ValuationRule Valuation { get; }

    public RegimeQuery Query { get; }

    public IReadOnlyList<Money> ShippingPerLine { get; }

    public IReadOnlyList<Money> InsurancePerLine { get; }

    public CurrencyCode Currency => Request.Cart.PresentmentCurrency;

    /// <summary>Point-of-sale amounts are always charged at checkout; import charges are too under DDP (the merchant
    /// pays them), but under DAP the buyer pays them on delivery.</summary>
    public CollectionPoint CollectionFor(CollectionStage stage) =>
        stage == CollectionStage.AtSale || Request.Cart.Incoterm == Incoterm.Ddp ? CollectionPoint.AtCheckout : CollectionPoint.OnDelivery;

    /// <summary>Line <paramref name="index"/>'s share of the components: its goods, and its allocated shipping and
    /// insurance when the base includes them.</summary>
    public Money LineValue(int index, IReadOnlySet<ValueComponent> components) =>
        (components.Contains(ValueComponent.Goods) ? Priced.Lines[index].Goods : Money.Zero(Currency))
        + (components.Contains(ValueComponent.Shipping) ? ShippingPerLine[index] : Money.Zero(Currency))
        + (components.Contains(ValueComponent.Insurance) ? InsurancePerLine[index] : Money.Zero(Currency));

    /// <summary>An amount fixed in the destination's currency (the EU's EUR 3), at mid, rounded.</summary>
    public Money FromDestinationCurrency(decimal amount) =>
        new Money(checked(amount * Request.Rates.GetMidRate(Destination.Currency, Currency)), Currency).RoundToMinorUnits();

    public static Money Round(Money amount) => amount.RoundToMinorUnits();

    public static string Percent(decimal rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100m:0.###}%");

    public static string Describe(IEnumerable<ValueComponent> components) =>
        string.Join(" + ", components.Order().Select(c => c.ToString().ToLowerInvariant()));
}
