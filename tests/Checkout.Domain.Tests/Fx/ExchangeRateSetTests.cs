using System.Text;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Fx;

public sealed class ExchangeRateSetTests
{
    private static readonly CurrencyCode Usd = new("USD");
    private static readonly CurrencyCode Jpy = new("JPY");
    private static readonly CurrencyCode Gbp = new("GBP");
    private static readonly CurrencyCode Cny = new("CNY");
    private static readonly CurrencyCode Hkd = new("HKD");

    private readonly ExchangeRateSet rates = new(EcbRateParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(EcbSample.Xml)), "ecb"));

    [Theory] // The worked cross rates of reference section 2, on the 2024-06-28 file.
    [InlineData("USD", "JPY", "160.6165")]
    [InlineData("GBP", "USD", "1.264798")]
    [InlineData("CNY", "HKD", "1.075192")]
    public void GetMidRate_CrossThroughEuro_MatchesTheReferenceArithmetic(string from, string to, string expected)
    {
        var rate = rates.GetMidRate(new CurrencyCode(from), new CurrencyCode(to));

        var rounded = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(rounded, decimal.Round(rate, rounded.Scale)); // the reference prints them rounded
    }

    [Fact]
    public void GetMidRate_IsUnroundedDecimalDivision()
    {
        Assert.Equal(171.94m / 1.0705m, rates.GetMidRate(Usd, Jpy));
        Assert.Equal(8.3594m / 7.7748m, rates.GetMidRate(Cny, Hkd));
    }

    [Fact]
    public void GetMidRate_FromOrToEuro_IsTheEcbRateOrItsInverse()
    {
        Assert.Equal(0.84638m, rates.GetMidRate(CurrencyCode.Eur, Gbp));
        Assert.Equal(1m / 0.84638m, rates.GetMidRate(Gbp, CurrencyCode.Eur));
    }

    [Fact]
    public void GetMidRate_SameCurrency_IsOne()
    {
        Assert.Equal(1m, rates.GetMidRate(Jpy, Jpy));
        Assert.Equal(1m, rates.GetMidRate(CurrencyCode.Eur, CurrencyCode.Eur));
    }

    [Fact]
    public void TryGetMidRate_CurrencyWithoutRate_ReturnsFalse()
    {
        var pkr = new CurrencyCode("PKR");

        Assert.False(rates.TryGetMidRate(Usd, pkr, out _));
        Assert.False(rates.TryGetMidRate(pkr, pkr, out _));
        Assert.False(rates.Contains(pkr));
        Assert.Throws<InvalidOperationException>(() => rates.GetMidRate(pkr, Usd));
    }

    [Fact]
    public void AsOf_MixedDates_IsTheOldest()
    {
        var set = new ExchangeRateSet(
        [
            new EuroRate(Usd, 1.1m, new DateOnly(2026, 11, 20), "a"),
            new EuroRate(Jpy, 170m, new DateOnly(2026, 11, 18), "b"),
        ]);

        Assert.Equal(new DateOnly(2026, 11, 18), set.AsOf);
    }

    [Theory]
    [InlineData("EUR", "1", "src")]
    [InlineData("USD", "0", "src")]
    [InlineData("USD", "-1", "src")]
    [InlineData("USD", "1", " ")]
    public void Constructor_InvalidRate_Throws(string currency, string unitsPerEuro, string source)
    {
        var rate = new EuroRate(new CurrencyCode(currency), decimal.Parse(unitsPerEuro, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 1, 1), source);

        Assert.Throws<ArgumentException>(() => new ExchangeRateSet([rate]));
    }
}
