using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Fx;

/// <summary>The shipped rate and spread files, end to end through the quoter: every supported currency must be
/// quotable both as what the buyer pays in (EUR → X) and as a merchant's price currency (X → USD).</summary>
public sealed class ShippedRatesTests
{
    private static readonly DateTimeOffset DayAfterRates = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static readonly FxQuoter Quoter = new(
        new ReferenceDataFxRateSource(EmbeddedReferenceData.Instance),
        FxSpreadPolicyLoader.Load(EmbeddedReferenceData.Instance),
        new FxQuoteOptions());

    public static TheoryData<string> SupportedCurrencies => [.. Iso4217.All.Select(c => c.Code.Value).Order(StringComparer.Ordinal)];

    [Fact]
    public void Iso4217_SupportsAtLeastFiftyCurrencies()
    {
        Assert.True(SupportedCurrencies.Count >= 50);
    }

    [Theory]
    [MemberData(nameof(SupportedCurrencies))]
    public void Quote_EuroToCurrency_IsIssuedAndConvertsToItsMinorUnit(string code)
    {
        var currency = new CurrencyCode(code);

        var quote = Assert.IsType<FxQuoteIssued>(Quoter.Quote($"fxq_{code}_in", [CurrencyCode.Eur], currency, DayAfterRates)).Quote;
        var converted = quote.Convert(new Money(100m, CurrencyCode.Eur));

        Assert.True(converted.Amount > 0m);
        Assert.Equal(converted, converted.RoundToMinorUnits());
        Assert.Equal(new DateOnly(2026, 11, 20), quote.RatesAsOf);
    }

    [Theory]
    [MemberData(nameof(SupportedCurrencies))]
    public void Quote_CurrencyToDollar_IsIssuedAndConvertsToCents(string code)
    {
        var currency = new CurrencyCode(code);
        var price = Money.FromMinorUnits(100_000, currency);

        var quote = Assert.IsType<FxQuoteIssued>(Quoter.Quote($"fxq_{code}_out", [currency], new CurrencyCode("USD"), DayAfterRates)).Quote;
        var dollars = quote.Convert(price);

        Assert.True(dollars.Amount > 0m, $"{price} → {dollars}");
        Assert.Equal(dollars, dollars.RoundToMinorUnits());
        Assert.InRange(quote.Primary.SpreadBps, 0, 200);
    }

    [Fact]
    public void Quote_PeggedDirham_IsCloseToItsDollarPeg()
    {
        var quote = Assert.IsType<FxQuoteIssued>(Quoter.Quote("q", [new CurrencyCode("USD")], new CurrencyCode("AED"), DayAfterRates)).Quote;

        Assert.Equal(3.6725m, decimal.Round(quote.Primary.MidRate, 4));
    }
}
