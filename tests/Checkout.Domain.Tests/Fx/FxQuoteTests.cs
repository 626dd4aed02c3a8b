using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Fx;

public sealed class FxQuoteTests
{
    private static readonly CurrencyCode Usd = new("USD");
    private static readonly CurrencyCode Jpy = new("JPY");
    private static readonly CurrencyCode Kwd = new("KWD");
    private static readonly CurrencyCode Gbp = new("GBP");
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WithSpread_MovesTheRateAgainstTheBuyer()
    {
        var leg = FxQuoteLeg.WithSpread(Usd, 150m, 200);

        Assert.Equal(153m, leg.ClientRate); // 150 × 1.02: the buyer pays more target units per source unit
        Assert.Equal((150m, 200), (leg.MidRate, leg.SpreadBps));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]   // expired at ExpiresAt exactly
    [InlineData(1, true)]
    public void IsExpiredAt_AroundExpiry_TurnsAtExpiresAt(int secondsAfterExpiry, bool expired)
    {
        var quote = Quote(Jpy, FxQuoteLeg.WithSpread(Usd, 150m, 0));

        Assert.Equal(expired, quote.IsExpiredAt(quote.ExpiresAt.AddSeconds(secondsAfterExpiry)));
    }

    [Theory]
    [InlineData("19.99", "3028")]    // 19.99 × 151.5 = 3028.485 → 3028 yen (0 decimals)
    [InlineData("0.01", "2")]        // 1.515 → 2: half away from zero
    [InlineData("-19.99", "-3028")]  // refunds round symmetrically
    public void Convert_ToZeroDecimalCurrency_RoundsToWholeYen(string usd, string yen)
    {
        var quote = Quote(Jpy, FxQuoteLeg.WithSpread(Usd, 150m, 100)); // client rate 151.5

        Assert.Equal(new Money(Dec(yen), Jpy), quote.Convert(new Money(Dec(usd), Usd)));
    }

    [Fact]
    public void Convert_ToThreeDecimalCurrency_RoundsToTheFils()
    {
        var quote = Quote(Kwd, FxQuoteLeg.WithSpread(Usd, 0.3068m, 0));

        Assert.Equal(new Money(3.065m, Kwd), quote.Convert(new Money(9.99m, Usd))); // 3.064932 → 3.065
    }

    [Fact]
    public void Convert_EachSourceUsesItsOwnLeg()
    {
        var quote = Quote(Usd, FxQuoteLeg.WithSpread(Gbp, 1.25m, 0), FxQuoteLeg.WithSpread(Jpy, 0.0065m, 0));

        Assert.Equal(new Money(12.5m, Usd), quote.Convert(new Money(10m, Gbp)));
        Assert.Equal(new Money(6.5m, Usd), quote.Convert(new Money(1000m, Jpy)));
        Assert.Equal(Gbp, quote.Primary.Source);
    }

    [Fact]
    public void Convert_TargetCurrency_IsIdentityWithoutSpread()
    {
        var quote = Quote(Usd, FxQuoteLeg.WithSpread(Gbp, 1.25m, 100));

        Assert.True(quote.Covers(Usd));
        Assert.Equal(new Money(10.01m, Usd), quote.Convert(new Money(10.01m, Usd)));
        Assert.Equal(FxQuoteLeg.Identity(Usd), quote.LegFor(Usd));
    }

    [Fact]
    public void Convert_CurrencyWithoutLeg_Throws()
    {
        var quote = Quote(Usd, FxQuoteLeg.WithSpread(Gbp, 1.25m, 0));

        Assert.False(quote.Covers(Jpy));
        Assert.Throws<InvalidOperationException>(() => quote.Convert(new Money(1m, Jpy)));
    }

    private static FxQuote Quote(CurrencyCode target, params FxQuoteLeg[] legs) =>
        new("fxq_test", target, legs, Noon, Noon.AddMinutes(15), new DateOnly(2026, 11, 20), "test");

    private static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
