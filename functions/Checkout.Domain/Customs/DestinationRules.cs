using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Customs;

/// <summary>The customs and import-tax rules of one destination or customs union, from one file in
/// <c>ReferenceData/customs</c>. Amounts in the rules are in <see cref="Currency"/>.</summary>
/// <param name="ThresholdBasis">What the value bands and spend limits are measured on: the goods alone (intrinsic
/// value: EU, UK, AU, CA, US, PK, SG) or goods with shipping and insurance (China's CBEC transaction value).</param>
/// <param name="PositiveList">Where the destination's channel takes only listed goods (China's CBEC), the lists by
/// period; empty where any goods not restricted may be sold.</param>
public sealed record DestinationRules(
    string File,
    string Name,
    IReadOnlySet<CountryCode> Countries,
    CurrencyCode Currency,
    IReadOnlySet<ValueComponent> ThresholdBasis,
    IReadOnlyList<ValuationRule> Valuation,
    IReadOnlyList<DutyRegime> DutyRegimes,
    IReadOnlyList<TaxRegime> TaxRegimes,
    IReadOnlyList<TaxRate> TaxRates,
    IReadOnlyList<DutyRate> DutyRates,
    IReadOnlyList<ConsumptionTaxRate> ConsumptionTaxRates,
    IReadOnlyList<FeeRule> Fees,
    IReadOnlyList<SpendLimit> Limits,
    IReadOnlyList<GoodsRestriction> Restrictions,
    IReadOnlyList<PermittedGoods> PositiveList)
{
    /// <summary>True when the destination has duty rules in force on the day (data cover it).</summary>
    public bool IsInForce(DateOnly day) =>
        DutyRegimes.Any(r => r.Rule.AppliesOn(day)) && Valuation.Any(v => v.Rule.AppliesOn(day));

    /// <summary>The positive list in force on the day, or null when the destination has none then.</summary>
    public PermittedGoods? PositiveListOn(DateOnly day) => PositiveList.FirstOrDefault(l => l.Rule.AppliesOn(day));

    public ValuationRule ValuationOn(DateOnly day) =>
        Valuation.FirstOrDefault(v => v.Rule.AppliesOn(day))
        ?? throw new InvalidOperationException($"{File}: no valuation rule in force on {day:yyyy-MM-dd}.");

    /// <summary>The first duty band in force on the day whose conditions and ceiling admit the consignment.</summary>
    public DutyRegime DutyRegimeFor(RegimeQuery query) =>
        DutyRegimes.FirstOrDefault(r => r.Rule.AppliesOn(query.Day) && query.Admits(r.When, r.Ceiling))
        ?? throw new InvalidOperationException($"{File}: no duty band covers {query}.");

    /// <summary>The first tax band in force on the day that admits the consignment, or null when the destination
    /// levies no import tax at all (US, HK, MO).</summary>
    public TaxRegime? TaxRegimeFor(RegimeQuery query) =>
        TaxRegimes.FirstOrDefault(r => r.Rule.AppliesOn(query.Day) && query.Admits(r.When, r.Ceiling));

    public TaxRate TaxRateFor(CountryCode country, string taxName, DateOnly day) =>
        TaxRates.FirstOrDefault(r => r.Country == country && r.TaxName == taxName && r.Rule.AppliesOn(day))
        ?? throw new InvalidOperationException($"{File}: no {taxName} rate for {country} on {day:yyyy-MM-dd}.");

    /// <summary>Every duty layer for the code on the day: per component, the entry with the longest matching prefix.</summary>
    public IReadOnlyList<DutyRate> DutyRatesFor(HsCode code, DateOnly day) =>
        DutyRates.Where(r => r.Rule.AppliesOn(day) && code.StartsWith(r.HsPrefix))
            .GroupBy(r => r.Component, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.HsPrefix.Length)!)
            .OrderBy(r => r.Component == DutyRate.CustomsDuty ? 0 : 1)
            .ThenBy(r => r.Component, StringComparer.Ordinal)
            .ToList();

    public ConsumptionTaxRate? ConsumptionTaxFor(HsCode code, DateOnly day) =>
        ConsumptionTaxRates.Where(r => r.Rule.AppliesOn(day) && code.StartsWith(r.HsPrefix))
            .MaxBy(r => r.HsPrefix.Length);
}

/// <summary>The facts a value band is chosen on.</summary>
/// <param name="Value">The consignment value in the destination currency, measured on the threshold basis.</param>
public sealed record RegimeQuery(DateOnly Day, decimal Value, ShippingChannel Channel, CountryCode ShipFrom, IReadOnlyList<CountryCode> Origins)
{
    public bool Admits(RegimeConditions when, ValueCeiling ceiling) =>
        ceiling.Admits(Value) && when.Match(Channel, ShipFrom, Origins);

    public override string ToString() =>
        $"{Value} on {Day:yyyy-MM-dd} by {Channel} from {ShipFrom}";
}
