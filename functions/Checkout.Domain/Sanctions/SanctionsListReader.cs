using System.Text.RegularExpressions;
using Checkout.Domain.Logistics;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Sanctions;

/// <summary>Reads and validates the files under <c>ReferenceData/sanctions/</c>.</summary>
internal static class SanctionsListReader
{
    public static (List<EmbargoedCountry> Countries, List<(EmbargoedRegion Region, Regex Regex)> Regions) Read(
        IReferenceDataSource source, string folder)
    {
        var countries = new List<EmbargoedCountry>();
        var regions = new List<(EmbargoedRegion, Regex)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in source.List(folder).Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var document = ReferenceEntry.Parse(source, file);
            var root = ReferenceEntry.Root(file, document);
            foreach (var entry in root.Array("countries", allowEmpty: true))
            {
                var country = ReadCountry(entry);
                EnsureUnique(ids, entry, country.Id);
                countries.Add(country);
            }

            foreach (var entry in root.Array("regions", allowEmpty: true))
            {
                var region = ReadRegion(entry);
                EnsureUnique(ids, entry, region.Region.Id);
                regions.Add(region);
            }
        }

        return (countries, regions);
    }

    private static EmbargoedCountry ReadCountry(ReferenceEntry entry)
    {
        var id = entry.String("id");
        entry = entry.Describing(id);
        return new EmbargoedCountry(id, entry.Country("country"), entry.String("program"), entry.Period(), entry.Source());
    }

    private static (EmbargoedRegion Region, Regex Regex) ReadRegion(ReferenceEntry entry)
    {
        var id = entry.String("id");
        entry = entry.Describing(id);
        var pattern = entry.String("postalCodePattern");
        var region = new EmbargoedRegion(
            id, entry.String("name"), entry.Country("country"), pattern, entry.String("program"), entry.Period(),
            entry.Source(), entry.Source("postalCodeSource"));
        return (region, Compile(entry, pattern));
    }

    private static Regex Compile(ReferenceEntry entry, string pattern)
    {
        try
        {
            // NonBacktracking: linear time whatever the buyer typed.
            return new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException e)
        {
            throw entry.Fail($"'postalCodePattern' is not a valid regular expression: {e.Message}");
        }
    }

    private static void EnsureUnique(HashSet<string> ids, ReferenceEntry entry, string id)
    {
        if (!ids.Add(id))
        {
            throw entry.Describing(id).Fail($"id '{id}' is used by another entry");
        }
    }
}
