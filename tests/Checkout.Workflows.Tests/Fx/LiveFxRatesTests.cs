using System.Net;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Testing;
using Checkout.Workflows.Fx;
using Checkout.Workflows.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Workflows.Tests.Fx;

/// <summary>
/// The live rate source end to end: the fetcher against a local server serving the ECB's and a supplementary feed's
/// real formats, the checks, the store on Azurite, and the quotes that follow. The clock is set to the feeds' date.
/// </summary>
public sealed class LiveFxRatesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly CurrencyCode Pkr = new("PKR");
    private static readonly CurrencyCode Cny = new("CNY");
    private static readonly CurrencyCode Mop = new("MOP");

    private readonly ManualClock _clock = new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero));
    private readonly string _prefix = "fx" + Guid.NewGuid().ToString("N")[..8];
    private FxFeedServer _feeds = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FxFeedServer.StartAsync();
        _feeds.Files = FxFeedFiles.Sample(Today);
    }

    public async Task DisposeAsync() => await _feeds.DisposeAsync();

    [Fact]
    public async Task Update_FreshFeeds_StoresTheSetAndQuotesUseIt()
    {
        await using var app = await StartAsync();

        var fetch = await app.GetRequiredService<FxRateUpdater>().UpdateAsync(CancellationToken.None);

        Assert.Equal(FxFetchRecord.Accepted, fetch.Outcome);
        var quote = Quote(app, Pkr, Cny);
        Assert.Equal(Today, quote.RatesAsOf);
        Assert.False(quote.Sample);
        Assert.Contains(_feeds.SupplementaryUrl.ToString(), quote.RateSource, StringComparison.Ordinal);
        Assert.Contains(EcbRateParser.SourceUrl, quote.RateSource, StringComparison.Ordinal);
        // PKR per CNY at mid, through the euro: the restated supplementary rate over the ECB's CNY rate.
        var expected = _feeds.Files.UnitsPerEuro["CNY"] / _feeds.Files.UnitsPerEuro["PKR"];
        Assert.InRange(quote.Primary.MidRate, expected * 0.999999m, expected * 1.000001m);
        Assert.Equal(["Token feed-key"], _feeds.SupplementaryAuthorizations);
    }

    [Fact]
    public async Task Load_AnotherInstanceStoredASet_PutsItInForceWithoutFetching()
    {
        await using (var first = await StartAsync())
        {
            await first.LoadFxRatesAsync(CancellationToken.None);
        }

        _feeds.Failure = HttpStatusCode.ServiceUnavailable;
        await using var second = await StartAsync();
        await second.LoadFxRatesAsync(CancellationToken.None);

        Assert.Equal(Today, Quote(second, Mop, Cny).RatesAsOf);
        Assert.Single(_feeds.SupplementaryAuthorizations);
    }

    [Fact]
    public async Task Load_NothingStoredAndFeedsDown_LeavesNoRatesAndSaysSo()
    {
        _feeds.Failure = HttpStatusCode.InternalServerError;
        await using var app = await StartAsync();

        await app.LoadFxRatesAsync(CancellationToken.None);

        Assert.Throws<FxRatesUnavailableException>(() => app.GetRequiredService<FxQuoter>().Quote("q", [Pkr], Cny, _clock.GetUtcNow()));
        var health = await app.GetRequiredService<FxRateHealth>().CheckAsync(includeLastFetch: true, CancellationToken.None);
        Assert.Equal("unavailable", health.Status);
        Assert.False(health.Healthy);
        Assert.Equal(FxFetchRecord.Failed, health.LastFetch!.Outcome);
        Assert.Contains("500", health.LastFetch.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadFeeds => new()
    {
        { "truncated", FxFetchRecord.Failed, "ECB feed's answer was refused: Reference data" },
        { "zero", FxFetchRecord.Failed, "rates.PKR: 0 is not a positive number" },
        { "missing", FxFetchRecord.Refused, "No rate for MOP" },
        { "jump", FxFetchRecord.Refused, "PKR" },
        { "timeout", FxFetchRecord.Failed, "supplementary feed did not answer within 1 s" },
    };

    [Theory]
    [MemberData(nameof(BadFeeds))]
    public async Task Update_BadAnswer_IsRecordedWithItsReasonAndTheSetInForceStays(string bad, string outcome, string reason)
    {
        await using var app = await StartAsync();
        var updater = app.GetRequiredService<FxRateUpdater>();
        await updater.UpdateAsync(CancellationToken.None);
        var inForce = Quote(app, Pkr, Cny).Primary.MidRate;

        _clock.Advance(TimeSpan.FromDays(1));
        _feeds.Files = FxFeedFiles.Sample(Today.AddDays(1));
        switch (bad)
        {
            case "truncated": _feeds.TruncateEcb = true; break;
            case "zero": _feeds.Files = _feeds.Files.Scale("PKR", 0m); break;
            case "missing": _feeds.Files = _feeds.Files.Without("MOP"); break;
            case "jump": _feeds.Files = _feeds.Files.Scale("PKR", 1.5m); break;
            case "timeout": _feeds.SupplementaryDelay = TimeSpan.FromSeconds(5); break;
        }

        var fetch = await updater.UpdateAsync(CancellationToken.None);

        Assert.Equal(outcome, fetch.Outcome);
        Assert.Contains(reason, fetch.Detail, StringComparison.Ordinal);
        var quote = Quote(app, Pkr, Cny);
        Assert.Equal(Today, quote.RatesAsOf);
        Assert.Equal(inForce, quote.Primary.MidRate);
        Assert.Equal(fetch, (await app.GetRequiredService<FxRateHealth>().CheckAsync(includeLastFetch: true, CancellationToken.None)).LastFetch);
    }

    [Fact]
    public async Task Update_NextDaysRatesWithinTheLimit_ReplaceTheSetInForce()
    {
        await using var app = await StartAsync();
        var updater = app.GetRequiredService<FxRateUpdater>();
        await updater.UpdateAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromDays(1));
        _feeds.Files = FxFeedFiles.Sample(Today.AddDays(1)).Scale("PKR", 1.1m);
        var fetch = await updater.UpdateAsync(CancellationToken.None);
        var again = await updater.UpdateAsync(CancellationToken.None);

        Assert.Equal(FxFetchRecord.Accepted, fetch.Outcome);
        Assert.Equal(FxFetchRecord.Unchanged, again.Outcome);
        Assert.Equal(Today.AddDays(1), Quote(app, Pkr, Cny).RatesAsOf);
    }

    [Fact]
    public async Task Quote_StoredSetOlderThanTheLimit_IsRefusedAsStaleAndHealthSaysStale()
    {
        _feeds.Files = FxFeedFiles.Sample(Today.AddDays(-10));
        await using var app = await StartAsync();
        await app.LoadFxRatesAsync(CancellationToken.None);

        var result = app.GetRequiredService<FxQuoter>().Quote("q", [Pkr], Cny, _clock.GetUtcNow());

        Assert.Equal(FxQuoteRefusalReason.StaleRates, Assert.IsType<FxQuoteRefused>(result).Reason);
        var health = await app.GetRequiredService<FxRateHealth>().CheckAsync(includeLastFetch: true, CancellationToken.None);
        Assert.Equal("stale", health.Status);
        Assert.Equal(Today.AddDays(-10), health.AsOf);
    }

    private FxQuote Quote(ServiceProvider app, CurrencyCode from, CurrencyCode to) =>
        Assert.IsType<FxQuoteIssued>(app.GetRequiredService<FxQuoter>().Quote("fxq_test", [from], to, _clock.GetUtcNow())).Quote;

    private async Task<ServiceProvider> StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Checkout:ResourcePrefix"] = _prefix,
            ["Payments:Provider"] = "sandbox",
            ["Payouts:Rail"] = "sandbox",
            ["Fx:Source"] = "live",
            ["Fx:Ecb:Url"] = _feeds.EcbUrl.ToString(),
            ["Fx:Supplementary:Url"] = _feeds.SupplementaryUrl.ToString(),
            ["Fx:Supplementary:ApiKey"] = "feed-key",
            ["Fx:FetchTimeout"] = "00:00:01",
        };
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddCheckoutWorkflows(new ConfigurationBuilder().AddInMemoryCollection(settings).AddInMemoryCollection(TestSecrets.Settings).Build());
        services.AddSingleton<TimeProvider>(_clock);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<WorkflowStorageInitializer>().InitializeAsync(CancellationToken.None);
        return provider;
    }
}
