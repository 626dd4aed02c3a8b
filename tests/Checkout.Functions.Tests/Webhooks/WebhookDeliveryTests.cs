using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;
using Checkout.Workflows.Events;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>Delivery through the real app's queues to a real HTTP receiver: retries on the (shrunk) schedule until one
/// success, 410 disabling the endpoint, exhaustion then a manual redelivery, every attempt recorded and listed.</summary>
public sealed class WebhookDeliveryTests(WebhookApiApp app) : IClassFixture<WebhookApiApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EndpointFailingTwice_GetsTheEventOnceAsSuccessOnTheSchedule()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n <= 2 ? 500 + n : 204);
        var (merchant, key) = await NewMerchantAsync();
        var (_, secret) = await RegisterAsync(key, receiver.Url);
        var published = NewEvent(merchant, "payout.paid");

        await app.PublishAsync(published);
        var delivery = await DeliveryWhenAsync(key, published.Id, d => d.GetProperty("status").GetString() == "succeeded");

        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([501, 502, 204], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        var times = attempts.Select(a => a.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        for (var i = 0; i < 2; i++)
        {
            var scheduled = attempts[i].GetProperty("nextAttemptTime").GetDateTimeOffset() - attempts[i].GetProperty("timestamp").GetDateTimeOffset();
            Assert.Equal(WebhookApiApp.Schedule[i], scheduled);
            Assert.True(attempts[i + 1].GetProperty("timestamp").GetDateTimeOffset() >= attempts[i].GetProperty("nextAttemptTime").GetDateTimeOffset().AddSeconds(-1));
        }

        Assert.False(attempts[2].TryGetProperty("nextAttemptTime", out _));
        await Eventually.UntilAsync(app.QueuedAttemptsAsync, count => count == 0, Patience, "no attempt is left queued");
        var received = receiver.Received;
        Assert.Single(received, r => r.AnsweredStatus is >= 200 and < 300);
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.True(r.SignatureVerifies(secret), "signature verifies"));
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.Equal(delivery.GetProperty("webhookId").GetString(), received[0].Id);
        Assert.Single(received.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        AssertPayload(received[^1], published);
    }

    [Fact]
    public async Task SameEventPublishedAgain_IsSentAgainWithTheSameWebhookId_AndKeepsItsRecord()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 204);
        var (merchant, key) = await NewMerchantAsync();
        await RegisterAsync(key, receiver.Url);
        var published = NewEvent(merchant, "checkout.completed");

        await app.PublishAsync(published);
        await DeliveryWhenAsync(key, published.Id, d => d.GetProperty("status").GetString() == "succeeded");
        await app.PublishAsync(published);
        var delivery = await DeliveryWhenAsync(key, published.Id, d => d.GetProperty("attempts").GetArrayLength() == 2);

        // A new message is not read against the log before its attempts (that is what keeps a first delivery to one
        // table write): the receiver deduplicates on webhook-id; the record stays, the second attempt a duplicate.
        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.Equal("succeeded", delivery.GetProperty("status").GetString());
        Assert.Equal([false, true], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("duplicate").GetBoolean()));
        Assert.Equal([1, 1], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("attempt").GetInt32()));
        await Eventually.UntilAsync(app.QueuedEventsAsync, count => count == 0, Patience, "the repeated fan-out is done");
        Assert.Equal(0, await app.QueuedAttemptsAsync());
    }

    [Fact]
    public async Task EndpointAnswering410_IsDisabledAndNotRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 410);
        var (merchant, key) = await NewMerchantAsync();
        var (endpointId, _) = await RegisterAsync(key, receiver.Url);
        var published = NewEvent(merchant, "payout.failed");

        await app.PublishAsync(published);
        var delivery = await DeliveryWhenAsync(key, published.Id, d => d.GetProperty("status").GetString() == "failed");

        Assert.Equal(1, delivery.GetProperty("attemptCount").GetInt32());
        using var endpoint = await app.SendAsync(HttpMethod.Get, $"/api/webhook-endpoints/{endpointId}", key: key);
        var body = JsonDocument.Parse(await endpoint.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("disabled", body.GetProperty("status").GetString());
        Assert.Contains("410", body.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        using var redeliver = await app.SendAsync(HttpMethod.Post, $"/api/webhook-deliveries/{delivery.GetProperty("id").GetString()}/redeliver", key: key);
        await ProblemAssert.IsProblemAsync(redeliver, HttpStatusCode.Conflict, "webhook-endpoint-disabled");

        var next = NewEvent(merchant, "payout.failed");
        await app.PublishAsync(next);
        await Eventually.UntilAsync(app.QueuedAttemptsAsync, count => count == 0, Patience, "no attempt is left queued");
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task EndpointFailingEveryAttempt_FailsAfterTheScheduleThenRedeliveryOnRequestSucceeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 500);
        var (merchant, key) = await NewMerchantAsync();
        var (_, secret) = await RegisterAsync(key, receiver.Url);
        var published = NewEvent(merchant, "payout.paid");

        await app.PublishAsync(published);
        var failed = await DeliveryWhenAsync(key, published.Id, d => d.GetProperty("status").GetString() == "failed");
        Assert.Equal(WebhookApiApp.Schedule.Length + 1, failed.GetProperty("attemptCount").GetInt32());
        Assert.Equal("HTTP 500", failed.GetProperty("lastError").GetString());

        receiver.RespondWith(_ => 200);
        var id = failed.GetProperty("id").GetString();
        using var redeliver = await app.SendAsync(HttpMethod.Post, $"/api/webhook-deliveries/{id}/redeliver", key: key, idempotencyKey: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        var succeeded = await DeliveryWhenAsync(key, published.Id, d => d.GetProperty("status").GetString() == "succeeded");

        var last = succeeded.GetProperty("attempts").EnumerateArray().Last();
        Assert.True(last.GetProperty("manual").GetBoolean());
        Assert.Equal(WebhookApiApp.Schedule.Length + 2, last.GetProperty("attempt").GetInt32());
        Assert.Equal(WebhookApiApp.Schedule.Length + 2, receiver.Received.Count);
        Assert.True(receiver.Received[^1].SignatureVerifies(secret));
    }

    [Fact]
    public async Task EndpointSubscribedToOtherTypes_GetsNoDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        var (merchant, key) = await NewMerchantAsync();
        var (allId, _) = await RegisterAsync(key, receiver.Url);
        var (narrowId, _) = await RegisterAsync(key, receiver.Url, ["payout.failed"]);
        var published = NewEvent(merchant, "payout.paid");

        await app.PublishAsync(published);
        await DeliveryWhenAsync(key, published.Id, d => d.GetProperty("status").GetString() == "succeeded");

        Assert.Single(await ListAsync(key, $"eventId={Uri.EscapeDataString(published.Id)}"));
        Assert.Single(await ListAsync(key, $"endpointId={allId}"));
        Assert.Empty(await ListAsync(key, $"endpointId={narrowId}"));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Deliveries_PagedNewestFirstAndOtherMerchantsAreHidden()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        var (merchant, key) = await NewMerchantAsync();
        await RegisterAsync(key, receiver.Url);
        var events = Enumerable.Range(0, 3).Select(i => NewEvent(merchant, "payout.paid", DateTimeOffset.UtcNow.AddMinutes(i))).ToList();
        foreach (var e in events)
        {
            await app.PublishAsync(e);
        }

        await Eventually.UntilAsync(() => ListAsync(key, "limit=100"), items => items.Count == 3, Patience, "three deliveries are recorded");
        using var first = await app.SendAsync(HttpMethod.Get, "/api/webhook-deliveries?limit=2", key: key);
        var page = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var cursor = page.GetProperty("nextCursor").GetString()!;
        var rest = await ListAsync(key, $"limit=2&cursor={Uri.EscapeDataString(cursor)}");
        using var linked = ApiApp.Request(HttpMethod.Get, "/", key: key);
        linked.RequestUri = new Uri(ListCheckoutsTests.NextLink(first) ?? throw new InvalidOperationException("no Link on the first of two pages"));
        using var last = await app.Http.SendAsync(linked);
        var lastBody = JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(rest.Select(d => d.GetProperty("id").GetString()), lastBody.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, lastBody.GetProperty("nextCursor").ValueKind);
        Assert.Null(ListCheckoutsTests.NextLink(last));

        var ids = page.GetProperty("data").EnumerateArray().Concat(rest).Select(d => d.GetProperty("eventId").GetString()).ToList();
        Assert.Equal(events.Select(e => e.Id).Reverse(), ids);
        var (_, otherKey) = await NewMerchantAsync();
        Assert.Empty(await ListAsync(otherKey, string.Empty));
        using var other = await app.SendAsync(HttpMethod.Get, $"/api/webhook-deliveries/{rest[0].GetProperty("id").GetString()}", key: otherKey);
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("eventType=checkout.exploded", "eventType")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=2&page=3", "page")]
    [InlineData("eventId=a&eventId=b", "eventId")]
    public async Task Deliveries_BadQuery_Answers400NamingTheParameter(string query, string parameter)
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/webhook-deliveries?" + query);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-query");
        Assert.Equal([parameter], ProblemAssert.Pointers(problem));
    }

    private static MerchantEvent NewEvent(string merchantId, string type, DateTimeOffset? at = null)
    {
        var payoutId = "po_" + Guid.NewGuid().ToString("N")[..12];
        return new MerchantEvent($"{payoutId}.{type}", merchantId, type, at ?? DateTimeOffset.UtcNow, new JsonObject { ["payoutId"] = payoutId });
    }

    private static void AssertPayload(ReceivedWebhook received, MerchantEvent published)
    {
        Assert.Equal("application/json", received.ContentType);
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(published.Type, body.GetProperty("type").GetString());
        Assert.Equal(published.Timestamp.UtcDateTime, body.GetProperty("timestamp").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(published.Data["payoutId"]!.GetValue<string>(), body.GetProperty("data").GetProperty("payoutId").GetString());
    }

    private async Task<(string Merchant, string Key)> NewMerchantAsync()
    {
        var merchant = "merchant-wh-" + Guid.NewGuid().ToString("N")[..10];
        return (merchant, await app.NewMerchantKeyAsync(merchant));
    }

    private async Task<(string Id, string Secret)> RegisterAsync(string key, Uri url, string[]? eventTypes = null)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/webhook-endpoints", JsonSerializer.Serialize(new { url, eventTypes }), key: key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        return (body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    private async Task<IReadOnlyList<JsonElement>> ListAsync(string key, string query)
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/webhook-deliveries?" + query, key: key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("data").EnumerateArray().Select(e => e.Clone())];
    }

    private async Task<JsonElement> DeliveryWhenAsync(string key, string eventId, Func<JsonElement, bool> done)
    {
        var items = await Eventually.UntilAsync(
            () => ListAsync(key, $"eventId={Uri.EscapeDataString(eventId)}"),
            items => items.Count == 1 && done(items[0]),
            Patience,
            $"the delivery of {eventId} reaches the expected state");
        return items[0];
    }
}
