using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Monetary;

public sealed class Iso4217Tests
{
    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("CLP", 0)]
    [InlineData("ISK", 0)]
    [InlineData("VND", 0)]
    [InlineData("UGX", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("JOD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("TND", 3)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("PKR", 2)] // ISO says 2 even though CLDR/Intl formats PKR with 0 decimals (reference 1.6).
    [InlineData("MOP", 2)]
    [InlineData("IDR", 2)]
    [InlineData("HUF", 2)]
    [InlineData("TWD", 2)]
    public void Get_KnownCurrency_HasIsoMinorUnits(string code, int minorUnits)
    {
        Assert.Equal(minorUnits, Iso4217.Get(new CurrencyCode(code)).MinorUnits);
    }

    [Fact]
    public void All_HoldsAtLeastFiftyCurrencies()
    {
        Assert.True(Iso4217.All.Count >= 50, $"only {Iso4217.All.Count} currencies");
    }

    [Fact]
    public void IsSupported_LevAfterBulgariaJoinedTheEuro_IsFalse()
    {
        Assert.False(Iso4217.IsSupported(new CurrencyCode("BGN")));
        Assert.False(Iso4217.TryGet(new CurrencyCode("BGN"), out _));
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(2, "0.01")]
    [InlineData(3, "0.001")]
    public void MinorUnitSize_ByMinorUnits_IsOneMinorUnit(int minorUnits, string size)
    {
        var currency = new Currency(new CurrencyCode("XTS"), minorUnits, "Test");

        Assert.Equal(decimal.Parse(size, System.Globalization.CultureInfo.InvariantCulture), currency.MinorUnitSize);
    }

    [Theory]
    [InlineData("USD", true)]
    [InlineData("usd", false)]
    [InlineData("US", false)]
    [InlineData("USDX", false)]
    [InlineData(null, false)]
    public void CurrencyCodeTryParse_Input_AcceptsOnlyThreeUpperCaseLetters(string? input, bool expected)
    {
        Assert.Equal(expected, CurrencyCode.TryParse(input, out var code));
        Assert.Equal(expected ? input : null, code.Value);
    }
}
