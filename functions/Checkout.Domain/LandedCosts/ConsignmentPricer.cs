using Checkout.Domain.Customs;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>Converts a cart into the presentment currency with the FX quote and values it in the destination's
/// currency at mid rates, converting each amount from its own currency (as customs would) rather than from the
/// already-converted presentment amounts, so the quote's spread never moves a threshold.</summary>
internal static class ConsignmentPricer
{
    public static LandedCostOutcome? Price(LandedCostRequest request, DestinationRules destination, IReadOnlyList<HsCode> codes, out PricedConsignment? priced)
    {
        priced = null;
        var quote = request.Quote;
        var sources = request.Cart.Lines.Select(l => l.UnitPrice.Currency).Append(request.Shipping.Currency);
        if (request.Insurance is { } insuranceMoney)
        {
            sources = sources.Append(insuranceMoney.Currency);
        }

        var unquoted = sources.Distinct().Where(c => !quote.Covers(c)).ToList();
        if (unquoted.Count > 0)
        {
            return new LandedCostRejected(LandedCostCodes.CurrencyNotQuoted, $"Quote {quote.Id} has no rate for {string.Join(", ", unquoted)}.");
        }

        var measured = request.YearToDateSpend is { } spent ? sources.Append(spent.Currency) : sources;
        var unrated = measured.Append(request.Cart.PresentmentCurrency).Distinct()
            .Where(c => !request.Rates.TryGetMidRate(c, destination.Currency, out _)).ToList();
        if (unrated.Count > 0)
        {
            return new LandedCostRejected(LandedCostCodes.ReferenceRateMissing, $"No reference rate from {string.Join(", ", unrated)} to {destination.Currency}.");
        }

        priced = Build(request, destination, codes);
        return null;
    }

    private static PricedConsignment Build(LandedCostRequest request, DestinationRules destination, IReadOnlyList<HsCode> codes)
    {
        var lines = request.Cart.Lines.Select((line, i) =>
        {
            var total = line.UnitPrice * line.Quantity;
            return new PricedLine(line, codes[i], request.Quote.Convert(total), InDestination(request.Rates, total, destination.Currency));
        }).ToList();
        var insurance = request.Insurance ?? Money.Zero(request.Shipping.Currency);
        var basis = destination.ThresholdBasis;
        var value = (basis.Contains(ValueComponent.Goods) ? lines.Sum(l => l.DestinationValue) : 0m)
            + (basis.Contains(ValueComponent.Shipping) ? InDestination(request.Rates, request.Shipping, destination.Currency) : 0m)
            + (basis.Contains(ValueComponent.Insurance) ? InDestination(request.Rates, insurance, destination.Currency) : 0m);
        return new PricedConsignment(
            lines,
            request.Quote.Convert(request.Shipping),
            request.Quote.Convert(insurance),
            new Money(value, destination.Currency).RoundToMinorUnits());
    }

    public static decimal InDestination(ExchangeRateSet rates, Money amount, CurrencyCode currency) =>
        checked(amount.Amount * rates.GetMidRate(amount.Currency, currency));
}
