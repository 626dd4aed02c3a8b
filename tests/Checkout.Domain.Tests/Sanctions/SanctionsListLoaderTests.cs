using Checkout.Domain.Carts;
using Checkout.Domain.Geography;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Sanctions;
using Checkout.Domain.Tests.Logistics;

namespace Checkout.Domain.Tests.Sanctions;

public sealed class SanctionsListLoaderTests
{
    private const string File = "sanctions/test.json";
    private const string Cuba = """{ "id": "cu", "country": "CU", "program": "CACR", "effectiveFrom": "1963-07-08", "source": "https://example.org/cu" }""";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["not JSON"] = "[",
        ["root is an array"] = "[]",
        ["no regions"] = $$"""{ "countries": [ {{Cuba}} ] }""",
        ["country without id"] =
            """{ "countries": [ { "country": "CU", "program": "CACR", "effectiveFrom": "1963-07-08", "source": "https://example.org" } ], "regions": [] }""",
        ["country name instead of code"] =
            """{ "countries": [ { "id": "cu", "country": "Cuba", "program": "CACR", "effectiveFrom": "1963-07-08", "source": "https://example.org" } ], "regions": [] }""",
        ["program missing"] =
            """{ "countries": [ { "id": "cu", "country": "CU", "effectiveFrom": "1963-07-08", "source": "https://example.org" } ], "regions": [] }""",
        ["ends before it starts"] =
            """{ "countries": [ { "id": "sy", "country": "SY", "program": "SySR", "effectiveFrom": "2025-07-01", "effectiveTo": "2011-08-17", "source": "https://example.org" } ], "regions": [] }""",
        ["duplicate id"] = $$"""{ "countries": [ {{Cuba}}, {{Cuba}} ], "regions": [] }""",
        ["bad region pattern"] =
            """
            { "countries": [], "regions": [ { "id": "crimea", "name": "Crimea", "country": "UA", "postalCodePattern": "9[5-9\\d{3}",
              "program": "EO 13685", "effectiveFrom": "2014-12-19", "source": "https://example.org", "postalCodeSource": "https://example.org/pc" } ] }
            """,
        ["region without postal-code source"] =
            """
            { "countries": [], "regions": [ { "id": "crimea", "name": "Crimea", "country": "UA", "postalCodePattern": "9[5-9]\\d{3}",
              "program": "EO 13685", "effectiveFrom": "2014-12-19", "source": "https://example.org" } ] }
            """,
    };

    [Theory]
    [InlineData("not JSON", "(file)", "not valid JSON")]
    [InlineData("root is an array", "(root)", "must be a JSON object")]
    [InlineData("no regions", "(root)", "'regions' is missing")]
    [InlineData("country without id", "countries[0]", "'id' is missing")]
    [InlineData("country name instead of code", "countries[0] (cu)", "'Cuba' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("program missing", "countries[0] (cu)", "'program' is missing")]
    [InlineData("ends before it starts", "countries[0] (sy)", "'effectiveTo' must be after 'effectiveFrom'")]
    [InlineData("duplicate id", "countries[1] (cu)", "id 'cu' is used by another entry")]
    [InlineData("bad region pattern", "regions[0] (crimea)", "'postalCodePattern' is not a valid regular expression")]
    [InlineData("region without postal-code source", "regions[0] (crimea)", "'postalCodeSource' is missing")]
    public void Load_MalformedFile_NamesFileEntryAndReason(string file, string entry, string reason)
    {
        var source = new InMemoryReferenceData(new Dictionary<string, string> { [File] = Files[file] });

        var error = Assert.Throws<ReferenceDataException>(() => SanctionsScreener.Load(source));

        Assert.Equal(File, error.File);
        Assert.Equal(entry, error.Entry);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralFiles_ScreensAgainstAll()
    {
        var source = new InMemoryReferenceData(new Dictionary<string, string>
        {
            ["sanctions/a.json"] = $$"""{ "countries": [ {{Cuba}} ], "regions": [] }""",
            ["sanctions/b.json"] = """{ "countries": [ { "id": "ir", "country": "IR", "program": "ITSR", "effectiveFrom": "1995-05-06", "source": "https://example.org/ir" } ], "regions": [] }""",
            ["sanctions/readme.txt"] = "not JSON, and not read",
        });
        var screener = SanctionsScreener.Load(source);
        var day = new DateOnly(2026, 11, 22);

        Assert.IsType<SanctionsBlocked>(screener.Screen(new Address(new CountryCode("CU"), null), day));
        Assert.IsType<SanctionsBlocked>(screener.Screen(new Address(new CountryCode("IR"), null), day));
        Assert.IsType<SanctionsClear>(screener.Screen(new Address(new CountryCode("FR"), "69001"), day));
    }
}
