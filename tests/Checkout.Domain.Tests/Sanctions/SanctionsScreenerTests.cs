using System.Globalization;
using Checkout.Domain.Carts;
using Checkout.Domain.Geography;
using Checkout.Domain.Sanctions;

namespace Checkout.Domain.Tests.Sanctions;

public sealed class SanctionsScreenerTests
{
    public static TheoryData<string, string?, string, string?, string?> Cases => new()
    {
        // country, postal code, day, expected code (null = clear), rule id
        { "CU", "10400", "2026-11-22", SanctionsCodes.EmbargoedCountry, "ofac-cuba" },
        { "IR", null, "2026-11-22", SanctionsCodes.EmbargoedCountry, "ofac-iran" },
        { "KP", null, "2026-11-22", SanctionsCodes.EmbargoedCountry, "ofac-north-korea" },
        { "SY", null, "2025-06-30", SanctionsCodes.EmbargoedCountry, "ofac-syria" }, // last day of the program
        { "SY", null, "2025-07-01", null, null }, // revoked by EO 14312 effective 1 July 2025
        { "UA", "95000", "2026-11-22", SanctionsCodes.EmbargoedRegion, "ofac-crimea-ua" }, // Simferopol
        { "UA", "99011", "2026-11-22", SanctionsCodes.EmbargoedRegion, "ofac-crimea-ua" }, // Sevastopol
        { "UA", "95 000", "2026-11-22", SanctionsCodes.EmbargoedRegion, "ofac-crimea-ua" },
        { "UA", "95000", "2014-12-18", null, null }, // the day before EO 13685
        { "RU", "295000", "2026-11-22", SanctionsCodes.EmbargoedRegion, "ofac-crimea-ru-assigned" },
        { "RU", "291001", "2026-11-22", SanctionsCodes.EmbargoedRegion, "ofac-lnr-ru-assigned" },
        { "UA", "295000", "2026-11-22", SanctionsCodes.EmbargoedRegion, "ofac-crimea-ua" }, // Russian-style code, UA country
        { "RU", "95000", "2026-11-22", SanctionsCodes.EmbargoedRegion, "ofac-crimea-ru-assigned" }, // Ukrainian code, RU country
        { "RU", "125075", "2026-11-22", null, null }, // Moscow
        { "RU", "190000", "2026-11-22", null, null }, // Saint Petersburg
        { "UA", "83001", "2022-02-21", SanctionsCodes.EmbargoedRegion, "ofac-dnr-ua" }, // Donetsk, EO 14065 day
        { "UA", "83001", "2022-02-20", null, null },
        { "UA", "91001", "2026-11-22", SanctionsCodes.EmbargoedRegion, "ofac-lnr-ua" }, // Luhansk
        { "UA", "01001", "2026-11-22", null, null }, // Kyiv
        { "UA", "65000", "2026-11-22", null, null }, // Odesa
        { "UA", null, "2026-11-22", SanctionsCodes.RegionUndetermined, "ofac-crimea-ua" },
        { "FR", "69001", "2026-11-22", null, null },
        { "CN", "518000", "2026-11-22", null, null },
        { "PK", "75500", "2026-11-22", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Screen_ShippedLists_BlocksCountriesAndRegionsInForce(
        string country, string? postalCode, string day, string? code, string? ruleId)
    {
        var result = SanctionsScreener.Default.Screen(
            new Address(new CountryCode(country), postalCode), DateOnly.Parse(day, CultureInfo.InvariantCulture));

        if (code is null)
        {
            Assert.IsType<SanctionsClear>(result);
        }
        else
        {
            var blocked = Assert.IsType<SanctionsBlocked>(result);
            Assert.Equal(code, blocked.Code);
            Assert.Equal(ruleId, blocked.Rule.Id);
            Assert.Equal(Uri.UriSchemeHttps, blocked.Rule.Source.Scheme);
            Assert.False(string.IsNullOrWhiteSpace(blocked.Rule.Program));
        }
    }

    [Fact]
    public void Screen_Blocked_DetailNamesTheRegionAndProgram()
    {
        var blocked = Assert.IsType<SanctionsBlocked>(
            SanctionsScreener.Default.Screen(new Address(new CountryCode("UA"), "95000"), new DateOnly(2026, 11, 22)));

        Assert.Contains("Crimea", blocked.Detail, StringComparison.Ordinal);
        Assert.Contains("13685", blocked.Detail, StringComparison.Ordinal);
        Assert.False(blocked.IsClear);
    }
}
