using System.Text;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Fx;

public sealed class SupplementaryRateParserTests
{
    private const string File = "fx/test-supplementary.json";

    private const string Good = """
        {
          "note": "test",
          "base": "EUR",
          "rates": [
            { "currency": "PKR", "unitsPerEuro": 326.56, "asOf": "2026-11-20", "source": "https://www.sbp.org.pk/" },
            { "currency": "KWD", "unitsPerEuro": 0.35527, "asOf": "2026-11-19", "source": "https://www.cbk.gov.kw/" }
          ]
        }
        """;

    [Fact]
    public void Parse_GoodFile_ReadsRateDateAndSourcePerEntry()
    {
        var rates = Parse(Good);

        Assert.Equal(
            [
                new EuroRate(new CurrencyCode("PKR"), 326.56m, new DateOnly(2026, 11, 20), "https://www.sbp.org.pk/"),
                new EuroRate(new CurrencyCode("KWD"), 0.35527m, new DateOnly(2026, 11, 19), "https://www.cbk.gov.kw/"),
            ],
            rates);
    }

    [Theory]
    [InlineData("\"unitsPerEuro\": 326.56", "\"unitsPerEuro\": -1", "rates[0] (PKR)", "unitsPerEuro -1 is not positive")]
    [InlineData("\"unitsPerEuro\": 326.56", "\"unitsPerEuro\": 0", "rates[0] (PKR)", "unitsPerEuro 0 is not positive")]
    [InlineData("\"unitsPerEuro\": 326.56", "\"unitsPerEuro\": \"326.56\"", "rates[0] (PKR)", "'unitsPerEuro' is String, expected Number")]
    [InlineData("\"unitsPerEuro\": 326.56", "\"unitsPerEuro\": 1e40", "rates[0] (PKR)", "out of range for a decimal")]
    [InlineData("\"unitsPerEuro\": 326.56, ", "", "rates[0] (PKR)", "'unitsPerEuro' is missing")]
    [InlineData("\"asOf\": \"2026-11-20\"", "\"asOf\": \"2026-02-30\"", "rates[0] (PKR)", "asOf '2026-02-30' is not a yyyy-MM-dd date")]
    [InlineData("\"asOf\": \"2026-11-20\"", "\"asOf\": \"20/11/2026\"", "rates[0] (PKR)", "not a yyyy-MM-dd date")]
    [InlineData("\"source\": \"https://www.sbp.org.pk/\"", "\"source\": \"State Bank\"", "rates[0] (PKR)", "not an absolute http(s) URL")]
    [InlineData("\"source\": \"https://www.sbp.org.pk/\"", "\"source\": \"\"", "rates[0] (PKR)", "'source' is empty")]
    [InlineData("\"currency\": \"PKR\"", "\"currency\": \"XXX\"", "rates[0] (XXX)", "XXX is not a supported currency")]
    [InlineData("\"currency\": \"PKR\"", "\"currency\": \"pkr\"", "rates[0] (pkr)", "not a three-letter upper-case")]
    [InlineData("\"currency\": \"PKR\"", "\"currency\": \"EUR\"", "rates[0] (EUR)", "EUR is the base")]
    [InlineData("\"currency\": \"PKR\"", "\"currency\": 586", "rates[0]", "'currency' is Number, expected String")]
    [InlineData("\"currency\": \"KWD\"", "\"currency\": \"PKR\"", "rates[1] (PKR)", "duplicate rate for PKR")]
    [InlineData("\"base\": \"EUR\"", "\"base\": \"USD\"", "base", "'USD' is not EUR")]
    [InlineData("\"base\": \"EUR\",", "", "(root)", "'base' is missing")]
    [InlineData("\"rates\": [", "\"rates\": {\"x\": [", "(document)", "not valid JSON")]
    [InlineData("{ \"currency\": \"PKR\"", "42, { \"currency\": \"PKR\"", "rates[0]", "not a JSON object")]
    public void Parse_MalformedEntry_FailsNamingFileEntryAndReason(string find, string replace, string entry, string reason)
    {
        Assert.Contains(find, Good, StringComparison.Ordinal);

        var error = Assert.Throws<ReferenceDataException>(() => Parse(Good.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(File, error.File);
        Assert.Equal(entry, error.Entry);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RootIsAnArray_Fails()
    {
        var error = Assert.Throws<ReferenceDataException>(() => Parse("[]"));

        Assert.Equal(("(root)", "the root is not a JSON object"), (error.Entry, error.Reason));
    }

    private static IReadOnlyList<EuroRate> Parse(string json) =>
        SupplementaryRateParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), File);
}
