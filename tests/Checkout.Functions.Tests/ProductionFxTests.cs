using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;
using Checkout.Workflows.Providers;

namespace Checkout.Functions.Tests;

/// <summary>
/// The app as deployed: Production, providers named explicitly (the sandboxes), live FX rates from feeds in their
/// published formats (a local server stands in for the ECB and the supplementary feed), a merchant created with the
/// app's own command. The feeds serve today's rates, or rates dated past the age quotes accept: the clock is real here,
/// so the date is set in the files, never by lifting the limit.
/// </summary>
public sealed class ProductionFxTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Checkout_TodaysLiveRates_IsQuotedAtThemAndCompletes()
    {
        await using var feeds = await FxFeedServer.StartAsync();
        feeds.Files = FxFeedFiles.Sample(Today);
        var settings = Production(feeds);
        var key = await CreateMerchantAsync(settings);
        using var app = await StartAsync(settings);
        using var http = Client(app, key);

        using (var health = await HealthAsync(http))
        {
            var fx = health.RootElement.GetProperty("fx");
            Assert.Equal(("ok", "live"), (fx.GetProperty("status").GetString(), fx.GetProperty("source").GetString()));
            Assert.Equal(Today.ToString("yyyy-MM-dd"), fx.GetProperty("asOf").GetString());
            Assert.Equal("accepted", fx.GetProperty("lastFetch").GetProperty("outcome").GetString());
        }

        var id = await StartCheckoutAsync(http);
        var awaiting = await UntilStatusAsync(http, id, "awaiting_confirmation", app);
        // Production, but the payment provider and payout rail are sandboxes: the checkout says no real money moves.
        Assert.False(awaiting.GetProperty("livemode").GetBoolean());
        var quote = awaiting.GetProperty("quote");
        Assert.Equal(Today.ToString("yyyy-MM-dd"), quote.GetProperty("ratesAsOf").GetString());
        Assert.False(quote.GetProperty("sample").GetBoolean());
        Assert.Contains(feeds.SupplementaryUrl.ToString(), quote.GetProperty("rateSource").GetString(), StringComparison.Ordinal);
        var expected = feeds.Files.UnitsPerEuro["PKR"] / feeds.Files.UnitsPerEuro["CNY"];
        // Rates are decimal strings (a JavaScript number would round them).
        var midRate = decimal.Parse(quote.GetProperty("legs")[0].GetProperty("midRate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(midRate, expected * 0.999999m, expected * 1.000001m);

        using (var confirm = await http.PostAsync(new Uri($"/api/checkouts/{id}/confirm", UriKind.Relative), Json($$"""{"quoteId":"{{quote.GetProperty("id").GetString()}}"}""")))
        {
            Assert.True(confirm.StatusCode == HttpStatusCode.Accepted, await confirm.Content.ReadAsStringAsync());
        }

        await UntilStatusAsync(http, id, "completed", app);
        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/checkouts", UriKind.Relative)));
        Assert.False(list.RootElement.GetProperty("data")[0].GetProperty("livemode").GetBoolean());
        using var payouts = await Eventually.UntilAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/payouts", UriKind.Relative))),
            p => p.RootElement.GetProperty("data").GetArrayLength() == 1 && p.RootElement.GetProperty("data")[0].GetProperty("status").GetString() == "paid",
            TimeSpan.FromSeconds(30),
            "the checkout's payout is paid to the Pakistani IBAN");
        var payout = payouts.RootElement.GetProperty("data")[0];
        Assert.False(payout.GetProperty("livemode").GetBoolean());
        Assert.Equal("PKR", payout.GetProperty("amount").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task FeedDownAndStoredRatesStale_HealthAnswers503AndEstimatesAreRefusedAsStale()
    {
        await using var feeds = await FxFeedServer.StartAsync();
        feeds.Files = FxFeedFiles.Sample(Today.AddDays(-10));
        var settings = Production(feeds);
        settings["Fx__RefreshInterval"] = "00:00:01";
        var key = await CreateMerchantAsync(settings);
        using var app = await StartAsync(settings);
        using var http = Client(app, key);
        feeds.Failure = HttpStatusCode.ServiceUnavailable;

        using var health = await Eventually.UntilAsync(
            () => HealthAsync(http, HttpStatusCode.ServiceUnavailable),
            h => h.RootElement.GetProperty("fx").GetProperty("lastFetch").GetProperty("outcome").GetString() == "failed",
            TimeSpan.FromSeconds(30),
            "the timer's fetch fails against the feed that is down");
        var fx = health.RootElement.GetProperty("fx");
        Assert.Equal("unhealthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("stale", fx.GetProperty("status").GetString());
        Assert.Equal(Today.AddDays(-10).ToString("yyyy-MM-dd"), fx.GetProperty("asOf").GetString());
        Assert.Contains("503", fx.GetProperty("lastFetch").GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var estimate = await http.PostAsync(new Uri("/api/estimates", UriKind.Relative), Json(SampleRequests.With("payment", null)));
        var problem = await estimate.Content.ReadAsStringAsync();
        Assert.True(estimate.StatusCode == HttpStatusCode.UnprocessableEntity, problem);
        Assert.Equal("fx.stale_rates", JsonDocument.Parse(problem).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Startup_LiveRatesWithoutASupplementaryFeed_ExitsNamingTheSetting()
    {
        var settings = Production(feeds: null);
        using var app = AppProcess.Start(settings);

        await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("Fx:Supplementary:Url is not set", app.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Production(FxFeedServer? feeds)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Checkout__ResourcePrefix"] = "p" + Guid.NewGuid().ToString("N")[..8],
            ["Payments__Provider"] = "sandbox",
            ["Payouts__Rail"] = "sandbox",
            ["Payouts__RailWebhookSecret"] = "production-test-rail-secret",
            ["Secrets__EncryptionKeys"] = $"{TestSecrets.KeyId}={TestSecrets.Key}",
            ["Secrets__ActiveKeyId"] = TestSecrets.KeyId,
            ["Buyers__IdentityHashKey"] = TestSecrets.IdentityHashKey,
        };
        if (feeds is not null)
        {
            settings["Fx__Ecb__Url"] = feeds.EcbUrl.ToString();
            settings["Fx__Supplementary__Url"] = feeds.SupplementaryUrl.ToString();
        }

        return settings;
    }

    private static async Task<string> CreateMerchantAsync(IReadOnlyDictionary<string, string> settings)
    {
        // Settles in PKR, paid out to a Pakistani IBAN that is the sandbox rail's "paid at once" test account.
        var destination = $$"""{"accountHolderName":"Lahore Textiles","country":"PK","currency":"PKR","iban":"{{SandboxPayoutAccounts.PakistanPaidAtOnce}}","bic":"SCBLPKKX"}""";
        var result = await ToolProcess.RunAppAsync(
            ["merchants", "create", "--name", "Lahore Textiles", "--settlement-currency", "PKR", "--payout-destination", destination], settings);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <summary>The app, once it answers health (503 counts: with stale rates that is its answer).</summary>
    private static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var app = AppProcess.Start(settings);
        await app.WaitUntilServingAsync(healthy: false);
        return app;
    }

    private static HttpClient Client(AppProcess app, string key)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    private static async Task<JsonDocument> HealthAsync(HttpClient http, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    private static async Task<string> StartCheckoutAsync(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/api/checkouts", UriKind.Relative), Json(SampleRequests.Checkout));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> UntilStatusAsync(HttpClient http, string id, string status, AppProcess app)
    {
        var body = await Eventually.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri($"/api/checkouts/{id}", UriKind.Relative));
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            },
            b => b.TryGetProperty("status", out var s) && (s.GetString() == status || s.GetString() is "completed" or "rejected" or "failed" or "needs_attention" or "expired"),
            TimeSpan.FromSeconds(60),
            $"checkout {id} reaches {status}");
        Assert.True(body.GetProperty("status").GetString() == status, $"Expected {status}: {body}\n{app.Output}");
        return body;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
