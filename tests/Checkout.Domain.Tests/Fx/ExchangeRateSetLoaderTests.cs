using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Tests.ReferenceData;

namespace Checkout.Domain.Tests.Fx;

public sealed class ExchangeRateSetLoaderTests
{
    [Fact]
    public void Load_ShippedFiles_RatesEverySupportedCurrency()
    {
        var rates = ExchangeRateSetLoader.Load(EmbeddedReferenceData.Instance);

        Assert.Equal(
            Iso4217.All.Select(c => c.Code.Value).Order(StringComparer.Ordinal),
            rates.Currencies.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.True(rates.Currencies.Count >= 50);
        Assert.Equal(new DateOnly(2026, 11, 20), rates.AsOf);
    }

    [Fact]
    public void Load_ShippedFiles_KeepsEachCurrencysSource()
    {
        var rates = ExchangeRateSetLoader.Load(EmbeddedReferenceData.Instance);

        Assert.True(rates.TryGetEuroRate(new CurrencyCode("USD"), out var usd));
        Assert.True(rates.TryGetEuroRate(new CurrencyCode("PKR"), out var pkr));
        Assert.Equal(EcbRateParser.SourceUrl, usd.Source);
        Assert.StartsWith("https://www.sbp.org.pk/", pkr.Source, StringComparison.Ordinal);
        Assert.False(rates.TryGetEuroRate(CurrencyCode.Eur, out _));
    }

    [Fact]
    public void Load_CurrencyInBothFiles_FailsNamingTheSupplementaryEntry()
    {
        var files = Shipped();
        var supplementary = files.Text(ExchangeRateSetLoader.SupplementaryPath)
            .Replace("\"currency\": \"AED\"", "\"currency\": \"USD\"", StringComparison.Ordinal);
        files.With(ExchangeRateSetLoader.SupplementaryPath, supplementary);

        var error = Assert.Throws<ReferenceDataException>(() => ExchangeRateSetLoader.Load(files));

        Assert.Equal(ExchangeRateSetLoader.SupplementaryPath, error.File);
        Assert.Equal("rates[0] (USD)", error.Entry);
        Assert.Contains("already rated by fx/eurofxref-daily.xml", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenEcbFile_FailsNamingTheEcbFile()
    {
        var files = Shipped().With(ExchangeRateSetLoader.EcbDailyPath, EcbSample.With("rate='171.94'", "rate='abc'"));

        var error = Assert.Throws<ReferenceDataException>(() => ExchangeRateSetLoader.Load(files));

        Assert.Equal((ExchangeRateSetLoader.EcbDailyPath, "Cube[1] currency='JPY'"), (error.File, error.Entry));
    }

    [Fact]
    public void Load_MissingSupplementaryFile_Fails()
    {
        var files = InMemoryReferenceData.Shipped(ExchangeRateSetLoader.EcbDailyPath);

        var error = Assert.Throws<ReferenceDataException>(() => ExchangeRateSetLoader.Load(files));

        Assert.Equal((ExchangeRateSetLoader.SupplementaryPath, "(file)"), (error.File, error.Entry));
    }

    [Fact]
    public void RateSource_ShippedFiles_LoadsOnceAndServesTheSameSet()
    {
        var source = new ReferenceDataFxRateSource(EmbeddedReferenceData.Instance);

        Assert.Same(source.GetCurrentRates(), source.GetCurrentRates());
    }

    private static InMemoryReferenceData Shipped() =>
        InMemoryReferenceData.Shipped(ExchangeRateSetLoader.EcbDailyPath, ExchangeRateSetLoader.SupplementaryPath);
}
