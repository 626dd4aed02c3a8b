using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Monetary;

public sealed class MoneyRoundingTests
{
    [Theory]
    [InlineData("JPY", "1234.5", "1235")]
    [InlineData("JPY", "-1234.5", "-1235")]
    [InlineData("JPY", "1234.49", "1234")]
    [InlineData("USD", "10.005", "10.01")]
    [InlineData("USD", "-10.005", "-10.01")]
    [InlineData("USD", "10.0049", "10.00")]
    [InlineData("KWD", "1.2345", "1.235")]
    [InlineData("KWD", "1.23449", "1.234")]
    [InlineData("KWD", "-0.0005", "-0.001")]
    public void RoundToMinorUnits_ZeroTwoThreeDecimalCurrencies_RoundsHalfAwayFromZero(string code, string amount, string expected)
    {
        var money = new Money(Dec(amount), new CurrencyCode(code));

        Assert.Equal(Dec(expected), money.RoundToMinorUnits().Amount);
    }

    [Theory]
    [InlineData("JPY", 1250, "1250")]
    [InlineData("USD", 1250, "12.50")]
    [InlineData("KWD", 1250, "1.250")]
    public void FromMinorUnits_ThenToMinorUnits_RoundTrips(string code, long units, string amount)
    {
        var money = Money.FromMinorUnits(units, new CurrencyCode(code));

        Assert.Equal(Dec(amount), money.Amount);
        Assert.Equal(units, money.ToMinorUnits());
    }

    [Fact]
    public void ToMinorUnits_UnroundedAmount_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(1.005m, new CurrencyCode("USD")).ToMinorUnits());
    }

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        var usd = new Money(1m, new CurrencyCode("USD"));
        var eur = new Money(1m, CurrencyCode.Eur);

        Assert.Throws<InvalidOperationException>(() => usd + eur);
    }

    internal static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
