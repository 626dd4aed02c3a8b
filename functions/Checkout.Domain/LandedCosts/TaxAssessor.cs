using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>
/// Applies the destination's tax band: the VAT/GST/sales tax on its base (point-of-sale value, or the duty-inclusive
/// import value), reduced by the band's factor (China CBEC: 70%). Where a consumption tax applies (China), it is
/// charged first on the tax-inclusive base, line by line, and VAT is then charged on top of it:
/// <c>CT = base × ct / (1 − ct)</c>, <c>VAT = (base + CT) × vat</c>, each times the factor; for one line this is the
/// published comprehensive rate <c>(ct + vat) / (1 − ct) × 70%</c>.
/// </summary>
internal static class TaxAssessor
{
    public static IReadOnlyList<LandedCostLine> Assess(LandedCostContext context, DutyAssessment duty)
    {
        var regime = context.Destination.TaxRegimeFor(context.Query);
        if (regime is null)
        {
            return [];
        }

        if (!regime.Charged)
        {
            return [new LandedCostLine(
                LandedCostLineKind.Tax,
                $"No import tax: consignment value {context.Priced.ThresholdValue} is {regime.Ceiling} {context.Destination.Currency}",
                Money.Zero(context.Currency),
                regime.Rule.ToReference(),
                context.CollectionFor(regime.Collection))];
        }

        var lines = ConsumptionTax(context, regime, duty, out var statutoryConsumptionTax);
        lines.Add(ValueAddedTax(context, regime, duty, statutoryConsumptionTax));
        return lines;
    }

    private static LandedCostLine ValueAddedTax(LandedCostContext context, TaxRegime regime, DutyAssessment duty, Money consumptionTax)
    {
        var country = context.Request.Cart.Destination.Country;
        var rate = context.Destination.TaxRateFor(country, regime.TaxName!, context.Request.Day);
        var effective = checked(rate.Rate * regime.RateFactor);
        var lineValues = Enumerable.Range(0, context.Priced.Lines.Count).Select(i => context.LineValue(i, regime.Base));
        var taxBase = lineValues.Aggregate(Money.Zero(context.Currency), (sum, v) => sum + v)
            + (regime.Base.Contains(ValueComponent.Duty) ? duty.Total : Money.Zero(context.Currency))
            + consumptionTax;
        var what = LandedCostContext.Describe(regime.Base) + (consumptionTax.IsZero ? string.Empty : " + consumption tax");
        return new LandedCostLine(
            LandedCostLineKind.Tax,
            $"{country} {regime.TaxName} {LandedCostContext.Percent(rate.Rate)}{Reduction(regime)} on {what}",
            LandedCostContext.Round(taxBase * effective),
            rate.Rule.ToReference(),
            context.CollectionFor(regime.Collection),
            Base: taxBase,
            Rate: effective,
            Regime: regime.Rule.ToReference());
    }

    private static List<LandedCostLine> ConsumptionTax(LandedCostContext context, TaxRegime regime, DutyAssessment duty, out Money statutoryTotal)
    {
        var lines = new List<LandedCostLine>();
        statutoryTotal = Money.Zero(context.Currency);
        for (var i = 0; i < context.Priced.Lines.Count; i++)
        {
            var ct = context.Destination.ConsumptionTaxFor(context.Priced.Lines[i].Code, context.Request.Day);
            if (ct is not null)
            {
                var lineBase = context.LineValue(i, regime.Base)
                    + (regime.Base.Contains(ValueComponent.Duty) ? duty.PerCartLine[i] : Money.Zero(context.Currency));
                statutoryTotal += LandedCostContext.Round(lineBase * (ct.Rate / (1m - ct.Rate)));
                lines.Add(ConsumptionTaxLine(context, regime, ct, context.Priced.Lines[i], lineBase));
            }
        }

        return lines;
    }

    /// <summary>The (reduced) consumption tax the buyer pays on one line; the statutory amount only feeds the VAT base.</summary>
    private static LandedCostLine ConsumptionTaxLine(LandedCostContext context, TaxRegime regime, ConsumptionTaxRate ct, PricedLine priced, Money lineBase)
    {
        var effective = checked(ct.Rate / (1m - ct.Rate) * regime.RateFactor);
        return new LandedCostLine(
            LandedCostLineKind.Tax,
            $"Consumption tax {LandedCostContext.Percent(ct.Rate)}{Reduction(regime)} on {priced.Line.Sku} (HS {priced.Code}), tax-inclusive base",
            LandedCostContext.Round(lineBase * effective),
            ct.Rule.ToReference(),
            context.CollectionFor(regime.Collection),
            priced.Line.Sku,
            lineBase,
            effective,
            regime.Rule.ToReference());
    }

    private static string Reduction(TaxRegime regime) =>
        regime.RateFactor == 1m ? string.Empty : $" × {LandedCostContext.Percent(regime.RateFactor)}";
}
