using System.Net;
using System.Text.Json;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>A checkout through the real app tells a registered endpoint about itself: signed, verifiable events in the
/// order the workflow produced them, each event once.</summary>
public sealed class CheckoutWebhookEndToEndTests(WebhookApiApp app) : IClassFixture<WebhookApiApp>
{
    [Fact]
    public async Task ConfirmedCheckout_EndpointReceivesSignedAwaitingConfirmationCapturedAndCompleted()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        var secret = await RegisterAsync(receiver.Url);

        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var (_, awaiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        var quoteId = awaiting.GetProperty("quote").GetProperty("id").GetString();
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", JsonSerializer.Serialize(new { quoteId }));
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        await CheckoutPolling.UntilStatusAsync(app, id, "completed");
        // The payout's own event (payout.paid) follows the checkout's, sooner or later: it is not counted here.
        var received = await Eventually.UntilAsync(
            () => Task.FromResult(receiver.Received.Where(r => !Type(r)!.StartsWith("payout.", StringComparison.Ordinal)).ToList()),
            r => r.Count >= 3, TimeSpan.FromSeconds(60), "three events arrive");

        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.True(r.SignatureVerifies(secret), "signature verifies"));
        var bodies = received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["checkout.awaiting_confirmation", "payment.captured", "checkout.completed"], bodies.Select(b => b.GetProperty("type").GetString()).OrderBy(Rank));
        Assert.All(bodies, b => Assert.Equal(id, b.GetProperty("data").GetProperty("checkoutId").GetString()));
        Assert.All(bodies, b => Assert.False(b.GetProperty("livemode").GetBoolean(), "sandboxes run: no real money moves"));
        Assert.Equal(3, received.Select(r => r.Id).Distinct().Count());
        var awaitingEvent = bodies.Single(b => b.GetProperty("type").GetString() == "checkout.awaiting_confirmation");
        Assert.Equal(quoteId, awaitingEvent.GetProperty("data").GetProperty("quoteId").GetString());
    }

    [Fact]
    public async Task CanceledCheckout_EndpointSubscribedToCanceledOnly_ReceivesJustThat()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        var secret = await RegisterAsync(receiver.Url, ["checkout.canceled"]);

        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        using var cancel = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/cancel", """{"reason":"changed mind"}""");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var received = await Eventually.UntilAsync(
            () => Task.FromResult(receiver.Received), r => r.Any(w => Type(w) == "checkout.canceled" && Data(w, "checkoutId") == id),
            TimeSpan.FromSeconds(60), "the cancel event arrives");

        Assert.All(received, r => Assert.Equal("checkout.canceled", Type(r)));
        var mine = Assert.Single(received, r => Data(r, "checkoutId") == id);
        Assert.True(mine.SignatureVerifies(secret));
        Assert.Equal("changed mind", Data(mine, "cancelReason"));
    }

    private static int Rank(string? type) => type switch
    {
        "checkout.awaiting_confirmation" => 0,
        "payment.captured" => 1,
        _ => 2,
    };

    private static string? Type(ReceivedWebhook webhook) => JsonDocument.Parse(webhook.Body).RootElement.GetProperty("type").GetString();

    private static string? Data(ReceivedWebhook webhook, string name) =>
        JsonDocument.Parse(webhook.Body).RootElement.GetProperty("data").GetProperty(name).GetString();

    private async Task<string> RegisterAsync(Uri url, string[]? eventTypes = null)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/webhook-endpoints", JsonSerializer.Serialize(new { url, eventTypes }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("secret").GetString()!;
    }
}
