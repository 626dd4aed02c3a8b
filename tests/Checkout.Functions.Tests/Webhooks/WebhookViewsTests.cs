using System.Text.Json;
using Checkout.Functions.Api;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>A delivery's attempts are listed in time order, though a duplicate attempt is recorded after the attempt it
/// raced even when it started first.</summary>
public sealed class WebhookViewsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delivery_DuplicateRecordedAfterTheAttemptItRaced_IsListedInTimeOrder()
    {
        var delivery = new WebhookDelivery(
            "wd_1", "mer_1", "we_1", "evt_1", "payout.paid", "msg_1", [], Start, WebhookDeliveryStatus.Pending, 2,
            [
                new WebhookAttempt(1, Start.AddMilliseconds(20), 500, 10, null, Start.AddMinutes(1), false),
                new WebhookAttempt(1, Start.AddMilliseconds(5), 500, 30, null, null, false, Duplicate: true),
                new WebhookAttempt(2, Start.AddMinutes(1), 500, 10, null, Start.AddMinutes(6), false),
            ]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(WebhookViews.Delivery(delivery), ApiJson.Options));

        var attempts = json.RootElement.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(
            [Start.AddMilliseconds(5), Start.AddMilliseconds(20), Start.AddMinutes(1)],
            attempts.Select(a => a.GetProperty("timestamp").GetDateTimeOffset()));
        Assert.Equal([true, false, false], attempts.Select(a => a.GetProperty("duplicate").GetBoolean()));
    }
}
