using System.Text;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Fx;

public sealed class LiveRateSetTests
{
    private static readonly CurrencyCode Usd = new("USD");
    private static readonly CurrencyCode Pkr = new("PKR");
    private static readonly CurrencyCode Mop = new("MOP");
    private static readonly DateOnly Day = new(2026, 12, 1);
    private const string Feed = "https://feed.example/latest.json";

    [Fact]
    public void Parse_LatestJson_KeepsSupportedCurrenciesAndSkipsTheRest()
    {
        var rates = Parse("""{"disclaimer":"x","timestamp":1764590400,"base":"USD","rates":{"PKR":280.15,"MOP":8.01,"BTC":0.00001,"XAU":0.0004,"USD":1}}""");

        Assert.Equal(Usd, rates.Base);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 12, 0, 0, TimeSpan.Zero), rates.Timestamp);
        Assert.Equal(new Dictionary<CurrencyCode, decimal> { [Pkr] = 280.15m, [Mop] = 8.01m, [Usd] = 1m }, rates.UnitsPerBase);
    }

    [Theory]
    [InlineData("""{"timestamp":1764590400,"base":"USD","rates":{"PKR":0}}""", "rates.PKR")]
    [InlineData("""{"timestamp":1764590400,"base":"USD","rates":{"PKR":"280"}}""", "rates.PKR")]
    [InlineData("""{"timestamp":1764590400,"base":"USD","rates":{"PKR":-1}}""", "rates.PKR")]
    [InlineData("""{"timestamp":-5,"base":"USD","rates":{}}""", "timestamp")]
    [InlineData("""{"timestamp":1764590400,"base":"USD"}""", "rates")]
    [InlineData("""{"timestamp":1764590400,"base":"usd","rates":{}}""", "base")]
    [InlineData("""{"timestamp":1764590400,"base":"USD","rates":{"PKR":280.1""", "(document)")]
    public void Parse_BrokenAnswer_FailsNamingTheEntry(string json, string entry)
    {
        var error = Assert.Throws<ReferenceDataException>(() => Parse(json));

        Assert.Equal(entry, error.Entry);
    }

    [Fact]
    public void Combine_UsdFeed_RestatesPerEuroThroughTheEcbUsdRateAndLeavesEcbCurrenciesAlone()
    {
        var ecb = new[] { new EuroRate(Usd, 1.16m, Day, EcbRateParser.SourceUrl) };
        var feed = new FeedRates(Usd, new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), new Dictionary<CurrencyCode, decimal>
        {
            [Pkr] = 280m,
            [Usd] = 1m,
            [CurrencyCode.Eur] = 0.87m,
        });

        var set = LiveRateSet.Combine(ecb, feed, Feed);

        Assert.Equal(2, set.Rates.Count);
        Assert.True(set.TryGetEuroRate(Usd, out var usd));
        Assert.Equal(new EuroRate(Usd, 1.16m, Day, EcbRateParser.SourceUrl), usd);
        Assert.True(set.TryGetEuroRate(Pkr, out var pkr));
        Assert.Equal(new EuroRate(Pkr, 324.8m, new DateOnly(2026, 12, 2), Feed), pkr);
        Assert.Equal(Day, set.AsOf);
    }

    [Fact]
    public void Combine_FeedBaseWithoutEcbRate_Fails()
    {
        var feed = new FeedRates(Pkr, DateTimeOffset.UnixEpoch.AddDays(20_000), new Dictionary<CurrencyCode, decimal> { [Mop] = 0.03m });

        Assert.Throws<ReferenceDataException>(() => LiveRateSet.Combine([new EuroRate(Usd, 1.16m, Day, "e")], feed, Feed));
    }

    [Fact]
    public void Review_EveryQuotedCurrencyPresentAndNoPreviousSet_Accepts()
    {
        Assert.Null(RateSetReview.Refusal(Full(), inForce: null, 0.2m));
    }

    [Fact]
    public void Review_MissingCurrency_RefusesNamingIt()
    {
        var candidate = new ExchangeRateSet(Full().Rates.Where(r => r.Currency != Mop));

        Assert.Equal("No rate for MOP, which this product quotes.", RateSetReview.Refusal(candidate, null, 0.2m));
    }

    [Theory]
    [InlineData(1.19, true)]
    [InlineData(0.81, true)]
    [InlineData(1.21, false)]
    [InlineData(0.79, false)]
    public void Review_MoveFromTheSetInForce_AcceptedUpToTheLimit(decimal factor, bool accepted)
    {
        var refusal = RateSetReview.Refusal(Full(pkrFactor: factor, day: Day.AddDays(1)), Full(), 0.2m);

        Assert.Equal(accepted, refusal is null);
        if (!accepted)
        {
            Assert.StartsWith("Rates moved more than 20% from those in force: PKR 100 → ", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Review_OlderThanTheSetInForce_Refused()
    {
        var refusal = RateSetReview.Refusal(Full(day: Day.AddDays(-1)), Full(), 0.2m);

        Assert.Equal("The rates are as of 2026-11-30, older than those in force (as of 2026-12-01).", refusal);
    }

    [Fact]
    public void Review_SampleSetInForce_IsNoYardstick()
    {
        var sample = new ExchangeRateSet(Full().Rates, isSample: true);

        Assert.Null(RateSetReview.Refusal(Full(pkrFactor: 3m, day: Day.AddDays(-30)), sample, 0.2m));
    }

    [Fact]
    public void Quote_SampleRatesYearsOld_AreQuotedAndTheQuoteSaysSample()
    {
        var sample = new ExchangeRateSet(Full(day: new DateOnly(2020, 1, 1)).Rates, isSample: true);
        var quoter = new FxQuoter(new FixedRateSource(sample), FxSpreadPolicy.Flat(0), new FxQuoteOptions());

        var result = quoter.Quote("q", [Pkr], Usd, new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.True(Assert.IsType<FxQuoteIssued>(result).Quote.Sample);
        Assert.Equal(new DateOnly(2020, 1, 1), ((FxQuoteIssued)result).Quote.RatesAsOf);
    }

    [Fact]
    public void Quote_PublishedRatesPastTheLimit_AreRefusedAsStale()
    {
        var quoter = new FxQuoter(new FixedRateSource(Full(day: new DateOnly(2026, 11, 27))), FxSpreadPolicy.Flat(0), new FxQuoteOptions());

        var result = quoter.Quote("q", [Pkr], Usd, new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(FxQuoteRefusalReason.StaleRates, Assert.IsType<FxQuoteRefused>(result).Reason);
    }

    /// <summary>Every supported currency at 100 per euro (PKR scaled), all dated <paramref name="day"/>.</summary>
    private static ExchangeRateSet Full(decimal pkrFactor = 1m, DateOnly? day = null) => new(Iso4217.All
            .Where(c => c.Code != CurrencyCode.Eur)
            .Select(c => new EuroRate(c.Code, c.Code == Pkr ? 100m * pkrFactor : 100m, day ?? Day, "https://rates.example/")));

    private static FeedRates Parse(string json) => FeedRatesParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), Feed);
}
