using System.Net;
using System.Text.Json;
using Checkout.Testing;

namespace Checkout.Functions.Tests.Api;

/// <summary>Polls a checkout's status URI until it reaches a status, as a merchant's client would.</summary>
internal static class CheckoutPolling
{
    public static async Task<(HttpStatusCode Code, JsonElement Body)> GetAsync(ApiApp app, string id, string query = "")
    {
        using var response = await app.SendAsync(HttpMethod.Get, $"/api/checkouts/{id}{query}");
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    public static async Task<(HttpStatusCode Code, JsonElement Body)> UntilStatusAsync(ApiApp app, string id, string status, string query = "")
    {
        var result = await Eventually.UntilAsync(
            () => GetAsync(app, id, query),
            r => r.Body.TryGetProperty("status", out var s) && (s.GetString() == status || IsTerminal(s.GetString())),
            TimeSpan.FromSeconds(60),
            $"checkout {id} reaches {status}");
        Assert.True(result.Body.GetProperty("status").GetString() == status, $"Expected {status}: {result.Body}\n{app.Output}");
        return result;
    }

    public static async Task<string> StartAsync(ApiApp app, string body, string? idempotencyKey = null)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", body, idempotencyKey: idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    private static bool IsTerminal(string? status) => status is "completed" or "rejected" or "expired" or "canceled" or "failed" or "needs_attention";
}
