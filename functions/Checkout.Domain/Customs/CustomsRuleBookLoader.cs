using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Customs;

/// <summary>Loads every <c>*.json</c> under <c>ReferenceData/customs</c> into a <see cref="CustomsRuleBook"/>,
/// validating as it goes: a malformed file fails with a <see cref="ReferenceDataException"/> naming the file, the
/// entry and the reason, so bad data stops the deployment instead of pricing a checkout wrongly.</summary>
public static class CustomsRuleBookLoader
{
    public const string Folder = "customs";

    public static CustomsRuleBook Load(IReferenceDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var files = source.List(Folder).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
        if (files.Count == 0)
        {
            throw new ReferenceDataException(Folder, "(folder)", "no customs rule files found");
        }

        var destinations = new List<DestinationRules>();
        var globalRestrictions = new List<GoodsRestriction>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var stream = source.Open(file);
            var before = globalRestrictions.Count;
            var rules = CustomsFileParser.Parse(file, stream, globalRestrictions);
            var fileIds = rules is null ? globalRestrictions.Skip(before).Select(r => r.Rule.Id) : AllIds(rules);
            RegisterIds(file, fileIds, ids);
            if (rules is not null)
            {
                EnsureCountriesUnclaimed(file, rules, destinations);
                destinations.Add(rules);
            }
        }

        return new CustomsRuleBook(destinations, globalRestrictions);
    }

    private static IEnumerable<string> AllIds(DestinationRules r) =>
        r.Valuation.Select(x => x.Rule.Id)
            .Concat(r.DutyRegimes.Select(x => x.Rule.Id)).Concat(r.TaxRegimes.Select(x => x.Rule.Id))
            .Concat(r.TaxRates.Select(x => x.Rule.Id)).Concat(r.DutyRates.Select(x => x.Rule.Id))
            .Concat(r.ConsumptionTaxRates.Select(x => x.Rule.Id)).Concat(r.Fees.Select(x => x.Rule.Id))
            .Concat(r.Limits.Select(x => x.Rule.Id)).Concat(r.Restrictions.Select(x => x.Rule.Id))
            .Concat(r.PositiveList.Select(x => x.Rule.Id));

    /// <summary>Rule ids are cited on every landed-cost line, so one id must mean one entry across all files.</summary>
    private static void RegisterIds(string file, IEnumerable<string> fileIds, Dictionary<string, string> ids)
    {
        foreach (var id in fileIds)
        {
            if (!ids.TryAdd(id, file))
            {
                throw new ReferenceDataException(file, $"'{id}'", $"duplicate id; already used in {ids[id]}");
            }
        }
    }

    private static void EnsureCountriesUnclaimed(string file, DestinationRules rules, List<DestinationRules> loaded)
    {
        foreach (var country in rules.Countries)
        {
            var owner = loaded.FirstOrDefault(d => d.Countries.Contains(country));
            if (owner is not null)
            {
                throw new ReferenceDataException(file, "countries", $"{country} is already covered by {owner.File}");
            }
        }
    }
}
