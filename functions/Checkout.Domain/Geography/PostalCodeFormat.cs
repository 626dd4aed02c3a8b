using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Geography;

/// <summary>How a country writes postal codes, from <c>ReferenceData/logistics/postal-codes.json</c>.</summary>
/// <param name="Pattern">The whole-string regular expression (no anchors), or null when the country uses no postal
/// codes.</param>
/// <param name="Example">A code that matches <paramref name="Pattern"/>; null when the country uses none.</param>
public sealed record PostalCodeFormat(CountryCode Country, string? Pattern, string? Example, EffectivePeriod Period, Uri Source)
{
    public bool UsesPostalCodes => Pattern is not null;
}
