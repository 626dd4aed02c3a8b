using System.Text;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Fx;

public sealed class EcbRateParserTests
{
    private const string File = "fx/test-ecb.xml";

    [Fact]
    public void Parse_PublishedSample_ReadsEveryRateWithItsDateAndTheEcbSource()
    {
        var rates = Parse(EcbSample.Xml);

        Assert.Equal(29, rates.Count); // the reference sample minus BGN, which our ISO table no longer supports
        Assert.All(rates, r => Assert.Equal(new DateOnly(2024, 6, 28), r.AsOf));
        Assert.All(rates, r => Assert.Equal(EcbRateParser.SourceUrl, r.Source));
        Assert.Equal(1.0705m, rates.Single(r => r.Currency == new CurrencyCode("USD")).UnitsPerEuro);
        Assert.Equal(17487.21m, rates.Single(r => r.Currency == new CurrencyCode("IDR")).UnitsPerEuro);
        Assert.Equal(395.10m, rates.Single(r => r.Currency == new CurrencyCode("HUF")).UnitsPerEuro);
    }

    [Theory]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube currency='USD' rate='-1.0705'/>", "Cube[0] currency='USD'", "not a positive decimal")]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube currency='USD' rate='0'/>", "Cube[0] currency='USD'", "not a positive decimal")]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube currency='USD' rate='1,0705'/>", "Cube[0] currency='USD'", "not a positive decimal")]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube currency='USD' rate='1e3'/>", "Cube[0] currency='USD'", "not a positive decimal")]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube currency='USD'/>", "Cube[0] currency='USD'", "rate '' is not")]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube rate='1.0705'/>", "Cube[0]", "'' is not a three-letter")]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube currency='usd' rate='1.0705'/>", "Cube[0] currency='usd'", "not a three-letter")]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube currency='XXX' rate='1.0705'/>", "Cube[0] currency='XXX'", "not a supported currency")]
    [InlineData("<Cube currency='USD' rate='1.0705'/>", "<Cube currency='EUR' rate='1'/>", "Cube[0] currency='EUR'", "EUR is the base")]
    [InlineData("<Cube currency='JPY' rate='171.94'/>", "<Cube currency='USD' rate='1.07'/>", "Cube[1] currency='USD'", "duplicate rate for USD")]
    [InlineData("time='2024-06-28'", "time='2024-13-01'", "Cube time", "'2024-13-01' is not a yyyy-MM-dd date")]
    [InlineData("time='2024-06-28'", "time='28.06.2024'", "Cube time", "not a yyyy-MM-dd date")]
    [InlineData("time='2024-06-28'", "", "Cube time", "'' is not a yyyy-MM-dd date")]
    [InlineData("</Cube>\n\t</Cube>", "</Cube>\n<Cube time='2024-06-27'><Cube currency='USD' rate='1.07'/></Cube>\n\t</Cube>", "Cube time", "exactly one dated Cube, found 2")]
    [InlineData("xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"", "", "Cube time", "found 0")]
    [InlineData("gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\"", "gesmes:Envelope xmlns:gesmes=\"urn:other\"", "(root)", "not a gesmes:Envelope")]
    [InlineData("</gesmes:Envelope>", "", "(document)", "not well-formed XML")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"x\">]>", "(document)", "not well-formed XML")]
    public void Parse_MalformedFile_FailsNamingFileEntryAndReason(string find, string replace, string entry, string reason)
    {
        var error = Assert.Throws<ReferenceDataException>(() => Parse(EcbSample.With(find, replace)));

        Assert.Equal(File, error.File);
        Assert.Equal(entry, error.Entry);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DatedCubeWithoutRates_Fails()
    {
        var empty = "<gesmes:Envelope xmlns:gesmes='http://www.gesmes.org/xml/2002-08-01' "
            + "xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2024-06-28'/></Cube></gesmes:Envelope>";

        var error = Assert.Throws<ReferenceDataException>(() => Parse(empty));

        Assert.Equal(("Cube time", "the dated Cube holds no currency rates"), (error.Entry, error.Reason));
    }

    private static IReadOnlyList<EuroRate> Parse(string xml) =>
        EcbRateParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), File);
}
