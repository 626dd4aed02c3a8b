using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Fx;

public sealed class FxQuoterTests
{
    private static readonly CurrencyCode Usd = new("USD");
    private static readonly CurrencyCode Jpy = new("JPY");
    private static readonly CurrencyCode Pkr = new("PKR");
    private static readonly CurrencyCode Gbp = new("GBP");
    private static readonly DateOnly Friday = new(2026, 11, 20);
    private static readonly DateTimeOffset SaturdayNoon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly ExchangeRateSet Rates = new(
    [
        new EuroRate(Usd, 1.2m, Friday, "https://ecb.example/"),
        new EuroRate(Jpy, 180m, Friday, "https://ecb.example/"),
        new EuroRate(Pkr, 330m, Friday.AddDays(-3), "https://sbp.example/"),
    ]);

    private static readonly FxSpreadPolicy Spreads = new(
        150, [new FxSpreadGroup("majors", 50, [CurrencyCode.Eur, Usd, Jpy]), new FxSpreadGroup("exotics", 200, [Pkr])], []);

    [Fact]
    public void Quote_TwoSources_IssuesOneLegEachInRequestOrder()
    {
        var quote = Issued(Quoter().Quote("fxq_1", [Jpy, CurrencyCode.Eur], Usd, SaturdayNoon));

        Assert.Equal("fxq_1", quote.Id);
        Assert.Equal(Usd, quote.TargetCurrency);
        Assert.Equal(
            [new FxQuoteLeg(Jpy, 1.2m / 180m, 1.2m / 180m * 1.005m, 50), new FxQuoteLeg(CurrencyCode.Eur, 1.2m, 1.206m, 50)],
            quote.Legs);
        Assert.Equal(Jpy, quote.Primary.Source);
    }

    [Fact]
    public void Quote_Default_LocksFifteenMinutesFromNow()
    {
        var quote = Issued(Quoter().Quote("fxq_1", [Jpy], Usd, SaturdayNoon));

        Assert.Equal(SaturdayNoon, quote.CreatedAt);
        Assert.Equal(SaturdayNoon.AddMinutes(15), quote.ExpiresAt);
        Assert.False(quote.IsExpiredAt(SaturdayNoon.AddMinutes(14)));
        Assert.True(quote.IsExpiredAt(SaturdayNoon.AddMinutes(15)));
    }

    [Fact]
    public void Quote_ConfiguredLock_UsesIt()
    {
        var quote = Issued(Quoter(new FxQuoteOptions { LockDuration = TimeSpan.FromHours(1) }).Quote("q", [Jpy], Usd, SaturdayNoon));

        Assert.Equal(SaturdayNoon.AddHours(1), quote.ExpiresAt);
    }

    [Fact]
    public void Quote_RatesOfDifferentDates_ReportsTheOldestAndEverySource()
    {
        var quote = Issued(Quoter().Quote("q", [Pkr, Jpy], Usd, SaturdayNoon));

        Assert.Equal(Friday.AddDays(-3), quote.RatesAsOf);
        Assert.Equal("https://ecb.example/; https://sbp.example/", quote.RateSource);
        Assert.Equal(200, quote.Primary.SpreadBps); // PKR is exotic
    }

    [Fact]
    public void Quote_DuplicateSources_GiveOneLeg()
    {
        var quote = Issued(Quoter().Quote("q", [Jpy, Jpy, Usd], Usd, SaturdayNoon));

        Assert.Equal([Jpy, Usd], quote.Legs.Select(l => l.Source));
        Assert.Equal(FxQuoteLeg.Identity(Usd), quote.Legs[1]);
    }

    [Theory]
    [InlineData("XXX", "USD", "XXX")]
    [InlineData("USD", "XXX", "XXX")]
    [InlineData("BGN", "USD", "BGN")]
    public void Quote_UnsupportedCurrency_IsRefusedNamingIt(string source, string target, string named)
    {
        var refused = Refused(Quoter().Quote("q", [new CurrencyCode(source)], new CurrencyCode(target), SaturdayNoon));

        Assert.Equal(FxQuoteRefusalReason.UnsupportedCurrency, refused.Reason);
        Assert.Contains(named, refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_SupportedCurrencyWithoutRate_IsRefusedAsMissingRate()
    {
        var refused = Refused(Quoter().Quote("q", [Jpy, Gbp], Usd, SaturdayNoon));

        Assert.Equal(FxQuoteRefusalReason.MissingRate, refused.Reason);
        Assert.Contains("GBP", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_MissingTargetRate_IsRefused()
    {
        Assert.Equal(FxQuoteRefusalReason.MissingRate, Refused(Quoter().Quote("q", [Usd], Gbp, SaturdayNoon)).Reason);
    }

    [Theory]
    [InlineData(4, true)]   // Friday's rates still quote on Tuesday (weekend plus a holiday)
    [InlineData(5, false)]  // not on Wednesday
    public void Quote_RatesAge_RefusedWhenOlderThanMaxAgeDays(int daysAfterRates, bool issued)
    {
        var now = new DateTimeOffset(Friday.AddDays(daysAfterRates), new TimeOnly(23, 59), TimeSpan.Zero);

        var result = Quoter().Quote("q", [Jpy], Usd, now);

        Assert.Equal(issued, result is FxQuoteIssued);
        if (!issued)
        {
            var refused = Refused(result);
            Assert.Equal(FxQuoteRefusalReason.StaleRates, refused.Reason);
            Assert.Contains("JPY as of 2026-11-20", refused.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Quote_AgeJudgedOnTheUtcDay_NotTheCallersOffset()
    {
        var tuesdayUtcButWednesdayInTokyo = new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.FromHours(9));

        Assert.IsType<FxQuoteIssued>(Quoter().Quote("q", [Jpy], Usd, tuesdayUtcButWednesdayInTokyo));
    }

    [Fact]
    public void Quote_OlderSupplementaryRate_OnlyMattersWhenUsed()
    {
        var now = new DateTimeOffset(Friday.AddDays(2), TimeOnly.MinValue, TimeSpan.Zero); // PKR is 5 days old

        Assert.IsType<FxQuoteIssued>(Quoter().Quote("q", [Jpy], Usd, now));
        Assert.Equal(FxQuoteRefusalReason.StaleRates, Refused(Quoter().Quote("q", [Pkr], Usd, now)).Reason);
    }

    [Fact]
    public void Quote_OnlyTheTargetCurrency_IsIssuedEvenWithStaleRates()
    {
        var quote = Issued(Quoter().Quote("q", [Usd], Usd, SaturdayNoon.AddDays(30)));

        Assert.Equal([FxQuoteLeg.Identity(Usd)], quote.Legs);
        Assert.Equal("identity", quote.RateSource);
    }

    [Fact]
    public void Quote_NoSources_IsACallerBug()
    {
        Assert.Throws<ArgumentException>(() => Quoter().Quote("q", [], Usd, SaturdayNoon));
        Assert.Throws<ArgumentException>(() => Quoter().Quote(" ", [Jpy], Usd, SaturdayNoon));
    }

    [Fact]
    public void Constructor_NonsenseOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quoter(new FxQuoteOptions { LockDuration = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quoter(new FxQuoteOptions { LockDuration = TimeSpan.FromDays(2) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quoter(new FxQuoteOptions { MaxRateAgeDays = -1 }));
    }

    private static FxQuoter Quoter(FxQuoteOptions? options = null) =>
        new(new FixedRateSource(Rates), Spreads, options ?? new FxQuoteOptions());

    private static FxQuote Issued(FxQuoteResult result) => Assert.IsType<FxQuoteIssued>(result).Quote;

    private static FxQuoteRefused Refused(FxQuoteResult result) => Assert.IsType<FxQuoteRefused>(result);
}
