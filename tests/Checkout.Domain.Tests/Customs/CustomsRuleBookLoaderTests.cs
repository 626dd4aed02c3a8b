using System.Text.Json.Nodes;
using Checkout.Domain.Customs;
using Checkout.Domain.ReferenceData;
using static Checkout.Domain.Tests.Customs.CustomsTestFiles;

namespace Checkout.Domain.Tests.Customs;

public sealed class CustomsRuleBookLoaderTests
{
    /// <summary>Each case breaks the valid test file one way; the failure must name the entry and the reason.</summary>
    private static readonly Dictionary<string, (Action<JsonObject> Break, string Entry, string Reason)> Malformed = new(StringComparer.Ordinal)
    {
        ["schema version"] = (f => f["schemaVersion"] = 2, "(file)", "'schemaVersion' must be 1"),
        ["unknown kind"] = (f => f["kind"] = "country", "(file)", "'kind' must be"),
        ["unknown top-level property"] = (f => f["dutyRate"] = new JsonArray(), "(file)", "unknown property 'dutyRate'"),
        ["unknown currency"] = (f => f["currency"] = "XXX", "(file)", "'currency' 'XXX'"),
        ["bad country"] = (f => f["countries"] = new JsonArray("Xl"), "(file)", "'Xl' is not an ISO 3166-1"),
        ["misspelt effectiveTo"] = (f => Entry(f, "dutyRegimes", 0)["efectiveTo"] = "2026-01-01", "dutyRegimes[0] 'xl.duty.relief'", "unknown property 'efectiveTo'"),
        ["missing effectiveFrom"] = (f => Entry(f, "dutyRegimes", 1).Remove("effectiveFrom"), "dutyRegimes[1] 'xl.duty.tariff'", "'effectiveFrom' is required"),
        ["bad date"] = (f => Entry(f, "taxRates", 0)["effectiveFrom"] = "01/01/2025", "taxRates[0] 'xl.vat.standard'", "yyyy-MM-dd"),
        ["period ends before it starts"] = (f => Entry(f, "taxRates", 0)["effectiveTo"] = "2024-12-31", "taxRates[0] 'xl.vat.standard'", "must be after 'effectiveFrom'"),
        ["source not a URL"] = (f => Entry(f, "dutyRates", 0)["source"] = "the tariff book", "dutyRates[0] 'xl.duty-rate.default'", "absolute http(s) URL"),
        ["missing source"] = (f => Entry(f, "valuation", 0).Remove("source"), "valuation[0] 'xl.valuation'", "'source' is required"),
        ["bad id"] = (f => Entry(f, "valuation", 0)["id"] = "XL Valuation", "valuation[0] 'XL Valuation'", "lower-case words"),
        ["tax rate as a percentage"] = (f => Entry(f, "taxRates", 0)["rate"] = 20, "taxRates[0] 'xl.vat.standard'", "must be a fraction"),
        ["rate as text"] = (f => Entry(f, "dutyRates", 0)["rate"] = "10%", "dutyRates[0] 'xl.duty-rate.default'", "'rate' must be a number"),
        ["odd HS prefix"] = (f => Entry(f, "dutyRates", 0)["hsPrefix"] = "610", "dutyRates[0] 'xl.duty-rate.default'", "even number of digits"),
        ["ceiling without inclusive"] = (f => Entry(f, "dutyRegimes", 0).Remove("inclusive"), "dutyRegimes[0] 'xl.duty.relief'", "'inclusive'"),
        ["unknown treatment"] = (f => Entry(f, "dutyRegimes", 1)["treatment"] = "flat", "dutyRegimes[1] 'xl.duty.tariff'", "'treatment' must be one of"),
        ["flat duty without amount"] = (f => Entry(f, "dutyRegimes", 1)["treatment"] = "flatPerCategory", "dutyRegimes[1] 'xl.duty.tariff'", "'flatAmount'"),
        ["tax base without goods"] = (f => Entry(f, "taxRegimes", 0)["base"] = new JsonArray("shipping"), "taxRegimes[0] 'xl.vat.import'", "includes goods"),
        ["unknown base component"] = (f => Entry(f, "taxRegimes", 0)["base"] = new JsonArray("goods", "freight"), "taxRegimes[0] 'xl.vat.import'", "found 'freight'"),
        ["rate factor above one"] = (f => Entry(f, "taxRegimes", 0)["rateFactor"] = 70, "taxRegimes[0] 'xl.vat.import'", "'rateFactor'"),
        ["charged tax without a rate"] = (f => Entry(f, "taxRates", 0)["tax"] = "GST", "taxRegimes 'xl.vat.import'", "no VAT rate for XL"),
        ["tariff without catch-all"] = (f => Entry(f, "dutyRates", 0)["hsPrefix"] = "61", "dutyRegimes 'xl.duty.tariff'", "no catch-all"),
        ["overlapping tax rates"] = (f => f["taxRates"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "xl.vat.later", ["country"] = "XL", ["tax"] = "VAT", ["rate"] = 0.21, ["effectiveFrom"] = "2026-01-01", ["source"] = "https://example.org/vat-rate",
        }), "taxRates 'xl.vat.later'", "overlaps 'xl.vat.standard'"),
        ["tax rate for another country"] = (f => Entry(f, "taxRates", 0)["country"] = "FR", "taxRates 'xl.vat.standard'", "not one of this file's 'countries'"),
        ["restriction matching nothing"] = (f => Entry(f, "restrictions", 0).Remove("keyword"), "restrictions[0] 'xl.prohibited.ivory'", "'hsPrefix' or 'keyword'"),
        ["restriction code outside customs"] = (f => Entry(f, "restrictions", 0)["reasonCode"] = "prohibited", "restrictions[0] 'xl.prohibited.ivory'", "must start with 'customs.'"),
        ["entries not an array"] = (f => f["dutyRates"] = new JsonObject(), "(file)", "'dutyRates' must be an array"),
    };

    public static TheoryData<string> MalformedCases => new(Malformed.Keys);

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void Load_MalformedFile_FailsNamingFileEntryAndReason(string name)
    {
        var (breakIt, entry, reason) = Malformed[name];
        var file = Destination();
        breakIt(file);

        var error = Assert.Throws<ReferenceDataException>(() => CustomsRuleBookLoader.Load(Source(file)));

        Assert.Equal(CustomsTestFiles.FilePath, error.File);
        Assert.Equal(entry, error.Entry);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ReadsEveryEntry()
    {
        var book = CustomsRuleBookLoader.Load(Source(Destination()));

        var rules = Assert.Single(book.Destinations);
        Assert.Equal(["XL"], rules.Countries.Select(c => c.Value));
        Assert.Equal(new ValueCeiling(100m, true), rules.DutyRegimes[0].Ceiling);
        Assert.Equal(ValueCeiling.Unbounded, rules.DutyRegimes[1].Ceiling);
        Assert.True(rules.DutyRates[0].Rule.IsIllustrative);
        Assert.Null(rules.TaxRates[0].Rule.Period.To);
        Assert.Equal([ValueComponent.Goods], rules.ThresholdBasis);
    }

    [Fact]
    public void Load_InvalidJson_FailsNamingTheFile()
    {
        var error = Assert.Throws<ReferenceDataException>(() => CustomsRuleBookLoader.Load(Source((FilePath, "{ \"schemaVersion\": 1,"))));

        Assert.Equal((FilePath, "(file)"), (error.File, error.Entry));
        Assert.Contains("not valid JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameIdInTwoFiles_FailsNamingTheSecondFile()
    {
        var other = Destination();
        other["countries"] = new JsonArray("XM");
        Entry(other, "taxRates", 0)["country"] = "XM";

        var error = Assert.Throws<ReferenceDataException>(() =>
            CustomsRuleBookLoader.Load(Source((FilePath, Destination().ToJsonString()), ("customs/xm.json", other.ToJsonString()))));

        Assert.Equal(("customs/xm.json", "'xl.valuation'"), (error.File, error.Entry));
        Assert.Contains("already used in customs/xl.json", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CountryInTwoFiles_FailsNamingTheCountry()
    {
        var twin = RenameIds(Destination(), "xl.", "xz.");

        var error = Assert.Throws<ReferenceDataException>(() =>
            CustomsRuleBookLoader.Load(Source((FilePath, Destination().ToJsonString()), ("customs/xz.json", twin))));

        Assert.Equal(("customs/xz.json", "countries"), (error.File, error.Entry));
        Assert.Contains("XL is already covered by customs/xl.json", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoFiles_Fails() =>
        Assert.Throws<ReferenceDataException>(() => CustomsRuleBookLoader.Load(Source()));

    [Fact]
    public void Load_RestrictionsFile_AppliesToEveryDestination()
    {
        var global = """
            { "schemaVersion": 1, "kind": "restrictions", "name": "Everywhere",
              "restrictions": [ { "id": "global.guns", "hsPrefix": "9302", "action": "reject", "reasonCode": "customs.prohibited_goods",
                                  "detail": "Firearms.", "effectiveFrom": "2025-01-01", "source": "https://example.org/guns" } ] }
            """;

        var book = CustomsRuleBookLoader.Load(Source((FilePath, Destination().ToJsonString()), ("customs/global.json", global)));

        Assert.Equal("global.guns", Assert.Single(book.GlobalRestrictions).Rule.Id);
    }

    private static string RenameIds(JsonObject file, string from, string to) => file.ToJsonString().Replace(from, to, StringComparison.Ordinal);
}
