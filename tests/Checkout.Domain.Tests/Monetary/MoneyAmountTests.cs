using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Monetary;

public sealed class MoneyAmountTests
{
    [Theory]
    [InlineData(1250, "CNY", "12.50")]
    [InlineData(1250, "JPY", "1250")]
    [InlineData(1250, "BHD", "1.250")]
    [InlineData(-5, "USD", "-0.05")]
    public void TryToMoney_ValidWireAmount_ReadsMinorUnits(long value, string currency, string expected)
    {
        Assert.True(new MoneyAmount(value, currency).TryToMoney(out var money, out var error));

        Assert.Null(error);
        Assert.Equal(new Money(MoneyRoundingTests.Dec(expected), new CurrencyCode(currency)), money);
    }

    [Theory]
    [InlineData("usd", "three-letter upper-case")]
    [InlineData("US", "three-letter upper-case")]
    [InlineData(null, "three-letter upper-case")]
    [InlineData("XXX", "not supported")]
    [InlineData("BGN", "not supported")]
    public void TryToMoney_BadCurrency_FailsWithReason(string? currency, string reason)
    {
        Assert.False(new MoneyAmount(100, currency!).TryToMoney(out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new MoneyAmount(100, currency!).ToMoney());
    }

    [Fact]
    public void TryFromMoney_RoundedAmount_GivesMinorUnits()
    {
        Assert.True(MoneyAmount.TryFromMoney(new Money(12.5m, new CurrencyCode("USD")), out var amount, out _));

        Assert.Equal(new MoneyAmount(1250, "USD"), amount);
    }

    [Fact]
    public void TryFromMoney_UnroundedAmount_Fails()
    {
        Assert.False(MoneyAmount.TryFromMoney(new Money(12.505m, new CurrencyCode("USD")), out _, out var error));

        Assert.Contains("not rounded", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromMoney_AmountBeyondLongMinorUnits_FailsInsteadOfWrapping()
    {
        var huge = new Money(long.MaxValue, new CurrencyCode("USD")); // × 100 cents does not fit in a long

        Assert.False(MoneyAmount.TryFromMoney(huge, out _, out var error));
        Assert.Contains("64-bit", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MoneyAmount.FromMoney(huge));
    }

    [Fact]
    public void TryFromMoney_UnsupportedCurrency_Fails()
    {
        Assert.False(MoneyAmount.TryFromMoney(new Money(1m, new CurrencyCode("XXX")), out _, out var error));

        Assert.Contains("not supported", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMoney_ThenToMoney_RoundTripsLargestAmount()
    {
        var money = Money.FromMinorUnits(long.MaxValue, new CurrencyCode("KWD"));

        Assert.Equal(money, MoneyAmount.FromMoney(money).ToMoney());
    }
}
