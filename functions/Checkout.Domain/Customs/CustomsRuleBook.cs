using Checkout.Domain.Geography;

namespace Checkout.Domain.Customs;

/// <summary>All customs rules: one <see cref="DestinationRules"/> per destination file, plus the restrictions that
/// apply everywhere (the carrier-level prohibited list). Loaded and validated by <see cref="CustomsRuleBookLoader"/>.</summary>
public sealed class CustomsRuleBook
{
    private readonly Dictionary<CountryCode, DestinationRules> byCountry;

    public CustomsRuleBook(IReadOnlyList<DestinationRules> destinations, IReadOnlyList<GoodsRestriction> globalRestrictions)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        Destinations = destinations;
        GlobalRestrictions = globalRestrictions;
        byCountry = destinations.SelectMany(d => d.Countries.Select(c => (Country: c, Rules: d)))
            .ToDictionary(x => x.Country, x => x.Rules);
    }

    public IReadOnlyList<DestinationRules> Destinations { get; }

    public IReadOnlyList<GoodsRestriction> GlobalRestrictions { get; }

    public IEnumerable<CountryCode> Countries => byCountry.Keys.OrderBy(c => c.Value, StringComparer.Ordinal);

    public DestinationRules? ForCountry(CountryCode country) => byCountry.GetValueOrDefault(country);
}
