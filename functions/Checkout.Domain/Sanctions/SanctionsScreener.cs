using System.Text.RegularExpressions;
using Checkout.Domain.Carts;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Sanctions;

/// <summary>
/// Screens a destination against comprehensive embargoes from <c>ReferenceData/sanctions/</c>: whole countries by ISO
/// code, and regions that the country code does not catch by postal code. Fails closed: an address in a country with
/// embargoed regions but without a postal code cannot be cleared. Screening parties against the SDN list is a separate
/// concern.
/// </summary>
public sealed class SanctionsScreener
{
    public const string Folder = "sanctions";

    private static readonly Lazy<SanctionsScreener> Embedded = new(() => Load(EmbeddedReferenceData.Instance));

    private readonly List<EmbargoedCountry> countries;
    private readonly List<(EmbargoedRegion Region, Regex Regex)> regions;

    private SanctionsScreener(List<EmbargoedCountry> countries, List<(EmbargoedRegion Region, Regex Regex)> regions)
    {
        this.countries = countries;
        this.regions = regions;
    }

    /// <summary>The lists shipped with this assembly.</summary>
    public static SanctionsScreener Default => Embedded.Value;

    public IReadOnlyList<EmbargoedCountry> Countries => countries;

    public IEnumerable<EmbargoedRegion> Regions => regions.Select(r => r.Region);

    /// <summary>Loads and validates every file in the folder; a malformed file throws
    /// <see cref="ReferenceDataException"/> naming the file, the entry and the reason.</summary>
    public static SanctionsScreener Load(IReferenceDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (countries, regions) = SanctionsListReader.Read(source, Folder);
        return new SanctionsScreener(countries, regions);
    }

    public SanctionsScreening Screen(Address destination, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var country = countries.Find(c => c.Country == destination.Country && c.Period.Contains(day));
        if (country is not null)
        {
            return new SanctionsBlocked(
                SanctionsCodes.EmbargoedCountry,
                $"{destination.Country} is under a comprehensive embargo ({country.Program})",
                country.Reference);
        }

        return ScreenRegions(destination, day);
    }

    private SanctionsScreening ScreenRegions(Address destination, DateOnly day)
    {
        var inForce = regions.Where(r => r.Region.Country == destination.Country && r.Region.Period.Contains(day)).ToList();
        if (inForce.Count == 0)
        {
            return SanctionsClear.Instance;
        }

        var postalCode = Normalize(destination.PostalCode);
        if (postalCode.Length == 0)
        {
            return new SanctionsBlocked(
                SanctionsCodes.RegionUndetermined,
                $"{destination.Country} has embargoed regions identified by postal code, and the address has none",
                inForce[0].Region.Reference);
        }

        var hit = inForce.Find(r => r.Regex.IsMatch(postalCode));
        return hit.Region is null
            ? SanctionsClear.Instance
            : new SanctionsBlocked(
                SanctionsCodes.EmbargoedRegion,
                $"postal code {postalCode} is in an embargoed region: {hit.Region.Name} ({hit.Region.Program})",
                hit.Region.Reference);
    }

    // Spaces and hyphens are dropped so "95 000" or "295-000" cannot slip past the ranges.
    private static string Normalize(string? postalCode) =>
        string.Concat((postalCode ?? string.Empty).Where(c => c is not ' ' and not '-')).ToUpperInvariant();
}
