using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Checkout.Testing;
using Checkout.Workflows.Events;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>What PATCH and rotate-secret change in deliveries through the real app: an endpoint disabled by a 410 and
/// re-enabled receives again, and during a rotation's window a webhook verifies with the old and the new secret.</summary>
public sealed class WebhookEndpointChangeDeliveryTests(WebhookApiApp app) : IClassFixture<WebhookApiApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RotatedSecret_DeliveryWithinTheWindow_CarriesTwoSignaturesVerifyingWithOldAndNew()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 204);
        var (merchant, key) = await NewMerchantAsync();
        var (id, old) = await RegisterAsync(key, receiver.Url);
        using var rotate = await app.SendAsync(HttpMethod.Post, $"/api/webhook-endpoints/{id}/rotate-secret", key: key);
        var rotated = JsonDocument.Parse(await rotate.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var secret = rotated.GetProperty("secret").GetString()!;

        var published = NewEvent(merchant);
        await app.PublishAsync(published);
        await DeliveryWhenAsync(key, published.Id, "succeeded");

        var received = Assert.Single(receiver.Received);
        Assert.Equal(2, received.Signature.Split(' ').Length);
        Assert.True(received.SignatureVerifies(secret), "verifies with the new secret");
        Assert.True(received.SignatureVerifies(old), "verifies with the old secret during the window");
        Assert.False(received.SignatureVerifies(await RegisterAndForgetSecretAsync(key)), "a third secret does not verify");
    }

    [Fact]
    public async Task EndpointDisabledBy410_PatchedEnabled_ReceivesTheNextEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n == 1 ? 410 : 204);
        var (merchant, key) = await NewMerchantAsync();
        var (id, secret) = await RegisterAsync(key, receiver.Url);
        var gone = NewEvent(merchant);
        await app.PublishAsync(gone);
        await DeliveryWhenAsync(key, gone.Id, "failed");
        using var disabled = await app.SendAsync(HttpMethod.Get, $"/api/webhook-endpoints/{id}", key: key);
        Assert.Contains("410", JsonDocument.Parse(await disabled.Content.ReadAsStringAsync()).RootElement.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);

        using var patch = await app.SendAsync(HttpMethod.Patch, $"/api/webhook-endpoints/{id}", """{"enabled":true}""", key: key);
        var patched = JsonDocument.Parse(await patch.Content.ReadAsStringAsync()).RootElement;
        var next = NewEvent(merchant);
        await app.PublishAsync(next);
        await DeliveryWhenAsync(key, next.Id, "succeeded");

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("enabled", patched.GetProperty("status").GetString());
        Assert.False(patched.TryGetProperty("disabledReason", out _));
        Assert.Equal([410, 204], receiver.Received.Select(r => r.AnsweredStatus));
        Assert.True(receiver.Received[^1].SignatureVerifies(secret));
        Assert.Single(receiver.Received[^1].Signature.Split(' '));
    }

    private static MerchantEvent NewEvent(string merchantId)
    {
        var payoutId = "po_" + Guid.NewGuid().ToString("N")[..12];
        return new MerchantEvent($"{payoutId}.payout.paid", merchantId, "payout.paid", DateTimeOffset.UtcNow, new JsonObject { ["payoutId"] = payoutId });
    }

    private async Task<(string Merchant, string Key)> NewMerchantAsync()
    {
        var merchant = "merchant-whc-" + Guid.NewGuid().ToString("N")[..10];
        return (merchant, await app.NewMerchantKeyAsync(merchant));
    }

    private async Task<(string Id, string Secret)> RegisterAsync(string key, Uri url)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/webhook-endpoints", JsonSerializer.Serialize(new { url, eventTypes = new[] { "payout.paid" } }), key: key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        return (body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    /// <summary>Another endpoint's secret (subscribed to nothing published here), to show a wrong secret fails.</summary>
    private async Task<string> RegisterAndForgetSecretAsync(string key)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/webhook-endpoints", """{"url":"https://hooks.example.com/other","eventTypes":["checkout.canceled"]}""", key: key);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
    }

    private async Task DeliveryWhenAsync(string key, string eventId, string status) =>
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await app.SendAsync(HttpMethod.Get, "/api/webhook-deliveries?eventId=" + Uri.EscapeDataString(eventId), key: key);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
            },
            items => items.Count == 1 && items[0].GetProperty("status").GetString() == status,
            Patience,
            $"the delivery of {eventId} is {status}");
}
