using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>The duty lines of a landed cost, and each cart line's share of them (the import-VAT base of a line needs it).</summary>
internal sealed record DutyAssessment(IReadOnlyList<LandedCostLine> Lines, IReadOnlyList<Money> PerCartLine, Money Total);

/// <summary>Applies the destination's duty band: nothing (de minimis, free port), a flat amount per distinct tariff
/// subheading (the EU's EUR 3), or every duty layer of the tariff on each line's customs value (FOB or CIF).</summary>
internal static class DutyAssessor
{
    public static DutyAssessment Assess(LandedCostContext context)
    {
        var regime = context.Destination.DutyRegimeFor(context.Query);
        return regime.Treatment switch
        {
            DutyTreatment.None => NoDuty(context, regime),
            DutyTreatment.FlatPerCategory => FlatPerCategory(context, regime),
            _ => Tariff(context, regime),
        };
    }

    private static DutyAssessment NoDuty(LandedCostContext context, DutyRegime regime)
    {
        var zero = Money.Zero(context.Currency);
        var line = new LandedCostLine(
            LandedCostLineKind.Duty,
            $"No duty: consignment value {context.Priced.ThresholdValue} is {regime.Ceiling} {context.Destination.Currency}",
            zero,
            regime.Rule.ToReference(),
            context.CollectionFor(regime.Collection));
        return new DutyAssessment([line], context.Priced.Lines.Select(_ => zero).ToList(), zero);
    }

    private static DutyAssessment FlatPerCategory(LandedCostContext context, DutyRegime regime)
    {
        var perCategory = context.FromDestinationCurrency(regime.FlatAmount!.Value);
        var lines = context.Priced.Lines.Select(l => l.Code.Subheading).Distinct(StringComparer.Ordinal)
            .Select(subheading => new LandedCostLine(
                LandedCostLineKind.Duty,
                $"Flat duty {regime.FlatAmount} {context.Destination.Currency} for tariff subheading {subheading}",
                perCategory,
                regime.Rule.ToReference(),
                context.CollectionFor(regime.Collection)))
            .ToList();

        // Per category, not per line: the shares only feed per-line tax bases, which no flat-duty destination uses.
        var zero = Money.Zero(context.Currency);
        var total = lines.Aggregate(zero, (sum, l) => sum + l.Amount);
        return new DutyAssessment(lines, context.Priced.Lines.Select(_ => zero).ToList(), total);
    }

    private static DutyAssessment Tariff(LandedCostContext context, DutyRegime regime)
    {
        var lines = new List<LandedCostLine>();
        var perCartLine = new List<Money>();
        for (var i = 0; i < context.Priced.Lines.Count; i++)
        {
            var lineDuties = TariffLayers(context, regime, i);
            lines.AddRange(lineDuties);
            perCartLine.Add(lineDuties.Aggregate(Money.Zero(context.Currency), (sum, d) => sum + d.Amount));
        }

        return new DutyAssessment(lines, perCartLine, perCartLine.Aggregate(Money.Zero(context.Currency), (s, d) => s + d));
    }

    /// <summary>Every duty layer in force for cart line <paramref name="index"/>, each on the line's customs value.</summary>
    private static List<LandedCostLine> TariffLayers(LandedCostContext context, DutyRegime regime, int index)
    {
        var priced = context.Priced.Lines[index];
        var customsValue = context.LineValue(index, context.Valuation.Components);
        var basis = context.Valuation.DutyBasis.ToString().ToUpperInvariant();
        return context.Destination.DutyRatesFor(priced.Code, context.Request.Day)
            .Select(rate => new LandedCostLine(
                LandedCostLineKind.Duty,
                $"{rate.Component} {LandedCostContext.Percent(rate.Rate)} on {basis} value of {priced.Line.Sku} (HS {priced.Code})",
                LandedCostContext.Round(customsValue * rate.Rate),
                rate.Rule.ToReference(),
                context.CollectionFor(regime.Collection),
                priced.Line.Sku,
                customsValue,
                rate.Rate,
                regime.Rule.ToReference()))
            .ToList();
    }
}
