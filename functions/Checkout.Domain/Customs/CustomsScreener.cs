using Checkout.Domain.Carts;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Customs;

/// <summary>
/// Decides whether a cart may be sold into its destination at all: the destination has rules in force, every HS code
/// is valid, no line is prohibited there, and where the destination takes only listed goods (China's CBEC positive
/// list) every line is on the list. Restricted goods raise flags that do not block. Value limits (China's
/// CNY 5,000 per order and CNY 26,000 per year) need prices and rates, so <see cref="LandedCosts.LandedCostCalculator"/>
/// checks them when it prices the cart.
/// </summary>
public sealed class CustomsScreener(CustomsRuleBook rules)
{
    private static readonly Lazy<CustomsScreener> Embedded =
        new(() => new CustomsScreener(CustomsRuleBookLoader.Load(EmbeddedReferenceData.Instance)));

    /// <summary>Screens against the rule files shipped in this assembly.</summary>
    public static CustomsScreener Default => Embedded.Value;

    public CustomsRuleBook Rules { get; } = rules ?? throw new ArgumentNullException(nameof(rules));

    public CustomsScreening Screen(Cart cart, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var country = cart.Destination.Country;
        var destination = Rules.ForCountry(country);
        if (destination is null)
        {
            return new CustomsRejected(CustomsCodes.DestinationNotSupported, $"There are no customs rules for {country}.");
        }

        if (!destination.IsInForce(day))
        {
            return new CustomsRejected(CustomsCodes.DestinationNotSupported, $"No customs rules for {country} are in force on {day:yyyy-MM-dd}.");
        }

        var classifications = new List<LineClassification>();
        var flags = new List<CustomsFlag>();
        foreach (var line in cart.Lines)
        {
            var rejected = ScreenLine(line, destination, day, flags, out var classification);
            if (rejected is not null)
            {
                return rejected;
            }

            classifications.Add(classification!);
        }

        return new CustomsAdmissible(classifications, flags);
    }

    private CustomsRejected? ScreenLine(
        CartLine line, DestinationRules destination, DateOnly day, List<CustomsFlag> flags, out LineClassification? classification)
    {
        classification = null;
        if (!HsCode.TryParse(line.HsCode, out var code, out var reason))
        {
            return new CustomsRejected(CustomsCodes.InvalidHsCode, reason, line.Sku);
        }

        var matches = destination.Restrictions.Concat(Rules.GlobalRestrictions)
            .Where(r => r.Rule.AppliesOn(day) && r.Matches(code, line.Description))
            .ToList();
        var refusal = matches.FirstOrDefault(r => r.Action == RestrictionAction.Reject);
        if (refusal is not null)
        {
            return new CustomsRejected(refusal.ReasonCode, $"{line.Description}: {refusal.Detail}", line.Sku, refusal.Rule.Id);
        }

        if (destination.PositiveListOn(day) is { } positiveList && !positiveList.Permits(code))
        {
            return new CustomsRejected(
                positiveList.ReasonCode, $"{line.Description} (HS {code}): {positiveList.Detail}", line.Sku, positiveList.Rule.Id);
        }

        flags.AddRange(matches.Select(r => new CustomsFlag(r.ReasonCode, r.Detail, line.Sku, r.Rule.Id)));
        classification = new LineClassification(line.Sku, code, ClassificationNotes(code, destination, day));
        return null;
    }

    private static List<string> ClassificationNotes(HsCode code, DestinationRules destination, DateOnly day)
    {
        var notes = new List<string>
        {
            code.NationalExtension.Length == 0
                ? $"WCO subheading {code.Subheading}"
                : $"WCO subheading {code.Subheading} with national extension {code.NationalExtension}",
        };
        notes.AddRange(destination.DutyRatesFor(code, day).Select(rate =>
            $"{rate.Component} {rate.Rate:P2} matched on {(rate.HsPrefix.Length == 0 ? "the default rate" : $"prefix {rate.HsPrefix}")} "
            + $"({rate.Rule.Id}{(rate.Rule.IsIllustrative ? ", illustrative" : string.Empty)})"));
        return notes;
    }
}
