using System.Net;
using System.Text.Json;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Refunds;

namespace Checkout.Functions.Tests.Payouts;

/// <summary>What a merchant's client does with payouts, over HTTP, plus the ledger reconciliation on the app's tables.</summary>
internal static class PayoutApiClient
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task SetDestinationAsync(ApiApp app, string accountNumber, string? idempotencyKey = null)
    {
        using var response = await app.SendAsync(HttpMethod.Put, "/api/payout-destination",
            $$"""{"accountHolderName":"Shenzhen Tees Ltd","accountNumber":"{{accountNumber}}","country":"US","currency":"USD","routingNumber":"110000000"}""", idempotencyKey: idempotencyKey);
        await JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Starts and confirms a checkout, waits for <c>completed</c>, and returns its payout id.</summary>
    public static async Task<string> CompleteCheckoutAsync(ApiApp app)
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        var quoteId = waiting.GetProperty("quote").GetProperty("id").GetString();
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{quoteId}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        await CheckoutPolling.UntilStatusAsync(app, id, "completed");
        return id + "-payout";
    }

    public static async Task<JsonElement> GetPayoutAsync(ApiApp app, string payoutId)
    {
        using var response = await app.SendAsync(HttpMethod.Get, $"/api/payouts/{payoutId}");
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    public static Task<JsonElement> UntilPayoutAsync(ApiApp app, string payoutId, Func<JsonElement, bool> done, string because) =>
        Eventually.UntilAsync(() => GetPayoutAsync(app, payoutId), done, TimeSpan.FromSeconds(60), because);

    /// <summary>(available, in transit) in USD, in minor units.</summary>
    public static async Task<(long Available, long InTransit)> UsdBalanceAsync(ApiApp app)
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/balances");
        var usd = (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("data").EnumerateArray().Single(b => b.GetProperty("currency").GetString() == "USD");
        return (usd.GetProperty("available").GetProperty("value").GetInt64(), usd.GetProperty("inTransit").GetProperty("value").GetInt64());
    }

    /// <summary>The ledger reconciles once the postings in flight have landed: a payout of the merchant may be moving
    /// while the test reads (its entries written, its balances not yet), so a mismatch must outlast a few seconds to fail.</summary>
    public static async Task AssertReconciledAsync(ApiApp app)
    {
        var options = new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix };
        var reconciliation = new LedgerReconciliation(new LedgerStore(app.Tables, options), new RefundDeficits(app.Tables, options));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var report = await reconciliation.RunAsync(CancellationToken.None);
        while (!report.IsReconciled && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            report = await reconciliation.RunAsync(CancellationToken.None);
        }

        Assert.True(report.IsReconciled, string.Join(Environment.NewLine, report.Problems));
    }

    public static string Status(JsonElement payout) => payout.GetProperty("status").GetString()!;
}
