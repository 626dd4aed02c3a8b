using Checkout.Domain.Geography;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Sanctions;

/// <summary>A country under a comprehensive embargo: nothing ships there while <see cref="Period"/> contains the day.</summary>
public sealed record EmbargoedCountry(string Id, CountryCode Country, string Program, EffectivePeriod Period, Uri Source)
{
    public SanctionsRuleReference Reference => new(Id, Program, Source);
}

/// <summary>A region under a comprehensive embargo that the country code does not catch (Crimea, the so-called DNR and
/// LNR), identified by the postal codes that <see cref="PostalCodePattern"/> matches in full.</summary>
/// <param name="PostalCodeSource">Where the postal-code ranges come from (the legal source rarely gives them).</param>
public sealed record EmbargoedRegion(
    string Id,
    string Name,
    CountryCode Country,
    string PostalCodePattern,
    string Program,
    EffectivePeriod Period,
    Uri Source,
    Uri PostalCodeSource)
{
    public SanctionsRuleReference Reference => new(Id, Program, Source);
}
