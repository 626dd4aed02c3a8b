using System.Text;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Fx;

public sealed class FxSpreadPolicyTests
{
    private const string File = "fx/test-spreads.json";

    private const string Good = """
        {
          "defaultSpreadBps": 150,
          "groups": [
            { "name": "majors", "spreadBps": 50, "currencies": ["EUR", "USD", "GBP"] },
            { "name": "exotics", "spreadBps": 200, "currencies": ["PKR", "NGN"] }
          ],
          "corridors": [ { "from": "USD", "to": "EUR", "spreadBps": 30 } ]
        }
        """;

    private readonly FxSpreadPolicy policy = Parse(Good);

    [Theory]
    [InlineData("USD", "USD", 0)]   // nothing converted
    [InlineData("USD", "EUR", 30)]  // corridor
    [InlineData("EUR", "USD", 50)]  // corridors are one direction only: the reverse falls back to the group
    [InlineData("GBP", "USD", 50)]  // both majors
    [InlineData("USD", "PKR", 200)] // major and exotic: the dearer group
    [InlineData("PKR", "GBP", 200)]
    [InlineData("USD", "MAD", 150)] // MAD is in no group: default, dearer than majors
    [InlineData("PKR", "MAD", 200)] // exotic dearer than the default
    public void SpreadBpsFor_Pair_FollowsCorridorThenDearerGroupThenDefault(string from, string to, int expected)
    {
        Assert.Equal(expected, policy.SpreadBpsFor(new CurrencyCode(from), new CurrencyCode(to)));
    }

    [Fact]
    public void Load_ShippedFile_HasTheAgreedTiers()
    {
        var shipped = FxSpreadPolicyLoader.Load(EmbeddedReferenceData.Instance);

        Assert.Equal(50, shipped.SpreadBpsFor(new CurrencyCode("USD"), new CurrencyCode("JPY")));
        Assert.Equal(100, shipped.SpreadBpsFor(new CurrencyCode("USD"), new CurrencyCode("CNY")));
        Assert.Equal(200, shipped.SpreadBpsFor(new CurrencyCode("USD"), new CurrencyCode("PKR")));
        Assert.Equal(200, shipped.SpreadBpsFor(new CurrencyCode("NGN"), new CurrencyCode("EUR")));
        Assert.Equal(30, shipped.SpreadBpsFor(new CurrencyCode("EUR"), new CurrencyCode("USD")));
        Assert.Equal(150, shipped.DefaultSpreadBps);
    }

    [Theory]
    [InlineData("\"defaultSpreadBps\": 150", "\"defaultSpreadBps\": -1", "(root)", "defaultSpreadBps -1 is outside 0..1000")]
    [InlineData("\"defaultSpreadBps\": 150", "\"defaultSpreadBps\": 1.5", "(root)", "'defaultSpreadBps' is not a whole number")]
    [InlineData("\"spreadBps\": 50", "\"spreadBps\": 5000", "groups[0] (majors)", "spreadBps 5000 is outside 0..1000")]
    [InlineData("[\"PKR\", \"NGN\"]", "[\"PKR\", \"USD\"]", "groups[1] (exotics)", "USD is already in another group")]
    [InlineData("[\"PKR\", \"NGN\"]", "[\"PKR\", \"XXX\"]", "groups[1] (exotics)", "XXX is not a supported currency")]
    [InlineData("[\"PKR\", \"NGN\"]", "[\"PKR\", 7]", "groups[1] (exotics)", "'7' is not a three-letter")]
    [InlineData("\"name\": \"majors\", ", "", "groups[0]", "'name' is missing")]
    [InlineData("\"to\": \"EUR\"", "\"to\": \"USD\"", "corridors[0] (USD→USD)", "two different currencies")]
    [InlineData("\"spreadBps\": 30 }", "\"spreadBps\": 30 }, { \"from\": \"USD\", \"to\": \"EUR\", \"spreadBps\": 40 }", "corridors[1] (USD→EUR)", "corridor listed twice")]
    [InlineData("\"spreadBps\": 30", "\"spreadBps\": 1001", "corridors[0] (USD→EUR)", "spreadBps 1001 is outside")]
    [InlineData("\"corridors\": [", "\"corridors\": 3, \"x\": [", "(root)", "'corridors' is Number, expected Array")]
    public void Parse_MalformedFile_FailsNamingFileEntryAndReason(string find, string replace, string entry, string reason)
    {
        Assert.Contains(find, Good, StringComparison.Ordinal);

        var error = Assert.Throws<ReferenceDataException>(() => Parse(Good.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(File, error.File);
        Assert.Equal(entry, error.Entry);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SpreadOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FxSpreadPolicy.Flat(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FxSpreadPolicy.Flat(FxSpreadPolicy.MaxSpreadBps + 1));
    }

    [Fact]
    public void Constructor_CurrencyInTwoGroups_Throws()
    {
        var usd = new CurrencyCode("USD");

        Assert.Throws<ArgumentException>(() => new FxSpreadPolicy(100, [new("a", 10, [usd]), new("b", 20, [usd])], []));
    }

    private static FxSpreadPolicy Parse(string json) =>
        FxSpreadPolicyLoader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), File);
}
