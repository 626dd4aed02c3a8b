using System.Net;
using System.Text.Json;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;
using static Checkout.Functions.Tests.Payouts.PayoutApiClient;

namespace Checkout.Functions.Tests.Refunds;

/// <summary>What a merchant's client does with refunds, over HTTP.</summary>
internal static class RefundApiClient
{
    /// <summary>Starts and confirms a checkout, waits for <c>completed</c>; returns its id and what the buyer paid
    /// (minor units and currency).</summary>
    public static async Task<(string Id, long Charged, string Currency)> CompleteAsync(ApiApp app, string body, string key = ApiApp.DevKey)
    {
        using var start = await app.SendAsync(HttpMethod.Post, "/api/checkouts", body, key);
        var id = (await JsonAsync(start, HttpStatusCode.Accepted)).GetProperty("id").GetString()!;
        var waiting = await UntilCheckoutAsync(app, id, "awaiting_confirmation", key);
        var quoteId = waiting.GetProperty("quote").GetProperty("id").GetString();
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{quoteId}}"}""", key);
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        var done = await UntilCheckoutAsync(app, id, "completed", key);
        var due = done.GetProperty("landedCost").GetProperty("amountDueAtCheckout");
        return (id, due.GetProperty("value").GetInt64(), due.GetProperty("currency").GetString()!);
    }

    public static async Task<JsonElement> GetCheckoutAsync(ApiApp app, string id, string key = ApiApp.DevKey)
    {
        using var response = await app.SendAsync(HttpMethod.Get, $"/api/checkouts/{id}", key: key);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> RefundAsync(ApiApp app, string id, string body, string? idempotencyKey = null, string key = ApiApp.DevKey) =>
        app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/refunds", body, key, idempotencyKey);

    public static string Amount(long value, string currency) => $$$"""{"amount":{"value":{{{value}}},"currency":"{{{currency}}}"}}""";

    /// <summary>Posts a refund that must be created; returns its body.</summary>
    public static async Task<JsonElement> CreatedAsync(ApiApp app, string id, string body, string? idempotencyKey = null, string key = ApiApp.DevKey)
    {
        using var response = await RefundAsync(app, id, body, idempotencyKey, key);
        return await JsonAsync(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetRefundAsync(ApiApp app, string id, string refundId, string key = ApiApp.DevKey)
    {
        using var response = await app.SendAsync(HttpMethod.Get, $"/api/checkouts/{id}/refunds/{refundId}", key: key);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> ListAsync(ApiApp app, string id, string key = ApiApp.DevKey)
    {
        using var response = await app.SendAsync(HttpMethod.Get, $"/api/checkouts/{id}/refunds", key: key);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Polls the refund until it leaves <c>pending</c>; asserts it ended <paramref name="status"/>.</summary>
    public static async Task<JsonElement> UntilRefundAsync(ApiApp app, string id, string refundId, string status, string key = ApiApp.DevKey)
    {
        var refund = await Eventually.UntilAsync(
            () => GetRefundAsync(app, id, refundId, key), r => r.GetProperty("status").GetString() != "pending", TimeSpan.FromSeconds(60), $"refund {refundId} finishes");
        Assert.True(refund.GetProperty("status").GetString() == status, $"Expected {status}: {refund}\n{app.Output}");
        return refund;
    }

    public static string Id(JsonElement refund) => refund.GetProperty("id").GetString()!;

    public static long Value(JsonElement element, string name) => element.GetProperty(name).GetProperty("value").GetInt64();

    private static async Task<JsonElement> UntilCheckoutAsync(ApiApp app, string id, string status, string key)
    {
        var body = await Eventually.UntilAsync(
            () => GetCheckoutAsync(app, id, key),
            b => b.TryGetProperty("status", out var s) && (s.GetString() == status || s.GetString() is "rejected" or "needs_attention" or "failed" or "canceled"),
            TimeSpan.FromSeconds(60),
            $"checkout {id} reaches {status}");
        Assert.True(body.GetProperty("status").GetString() == status, $"Expected {status}: {body}\n{app.Output}");
        return body;
    }
}
