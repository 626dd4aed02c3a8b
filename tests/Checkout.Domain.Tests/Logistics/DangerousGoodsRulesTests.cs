using Checkout.Domain.Logistics;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Logistics;

public sealed class DangerousGoodsRulesTests
{
    private const string Un3480 =
        """{ "unNumber": "UN3480", "description": "Li-ion alone", "packingInstruction": "PI965", "cargoAircraftOnly": true, "effectiveFrom": "2016-04-01", "source": "https://example.org/pi965" }""";

    [Theory]
    [InlineData("UN3480", "UN3480")]
    [InlineData(" un 3481 ", "UN3481")]
    [InlineData("3480", null)]
    [InlineData("UN34800", null)]
    [InlineData("", null)]
    public void Normalize_ReadsUnNumbers(string designation, string? expected)
    {
        Assert.Equal(expected, DangerousGoodsRules.Normalize(designation));
    }

    [Theory]
    [InlineData("""{ "entries": [ { "unNumber": "3480", "description": "x", "packingInstruction": "PI965", "cargoAircraftOnly": true, "effectiveFrom": "2016-04-01", "source": "https://example.org" } ] }""", "entries[0]", "'unNumber' must look like UN3480")]
    [InlineData("""{ "entries": [ { "unNumber": "UN3480", "description": "x", "packingInstruction": "PI965", "cargoAircraftOnly": "yes", "effectiveFrom": "2016-04-01", "source": "https://example.org" } ] }""", "entries[0] (UN3480)", "'cargoAircraftOnly' must be true or false")]
    [InlineData("""{ "entries": [ """ + Un3480 + ", " + Un3480 + " ] }", "entries[1] (UN3480)", "overlaps in time")]
    [InlineData("""{ "entries": [] }""", "(root)", "'entries' must be a non-empty array")]
    public void Load_MalformedFile_NamesFileEntryAndReason(string json, string entry, string reason)
    {
        var source = new InMemoryReferenceData(new Dictionary<string, string> { [DangerousGoodsRules.FilePath] = json });

        var error = Assert.Throws<ReferenceDataException>(() => DangerousGoodsRules.Load(source));

        Assert.Equal((DangerousGoodsRules.FilePath, entry), (error.File, error.Entry));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_BeforeTheRuleTookEffect_IsNull()
    {
        var rules = DangerousGoodsRules.Load(EmbeddedReferenceData.Instance);

        Assert.Null(rules.Find("UN3480", new DateOnly(2016, 3, 31)));
        Assert.True(rules.Find("UN3480", new DateOnly(2016, 4, 1))?.CargoAircraftOnly);
        Assert.False(rules.Find("UN3481", new DateOnly(2026, 11, 22))?.CargoAircraftOnly);
    }
}
