using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.ReferenceData;

public sealed class EmbeddedReferenceDataTests
{
    [Fact]
    public void List_FxFolder_ReturnsTheShippedRateAndSpreadFiles()
    {
        var files = EmbeddedReferenceData.Instance.List("fx/");

        Assert.Contains("fx/eurofxref-daily.xml", files);
        Assert.Contains("fx/supplementary-rates.json", files);
        Assert.Contains("fx/spreads.json", files);
    }

    [Fact]
    public void Open_MissingFile_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<ReferenceDataException>(() => EmbeddedReferenceData.Instance.Open("fx/nope.json"));

        Assert.Equal("fx/nope.json", error.File);
        Assert.Equal("(file)", error.Entry);
    }

    [Fact]
    public void Constructor_WithInnerException_KeepsFileEntryReasonAndCause()
    {
        var cause = new FormatException("bad");

        var error = new ReferenceDataException("fx/a.json", "rates[2]", "broken", cause);

        Assert.Equal(("fx/a.json", "rates[2]", "broken"), (error.File, error.Entry, error.Reason));
        Assert.Same(cause, error.InnerException);
        Assert.Contains("fx/a.json", error.Message, StringComparison.Ordinal);
    }
}
