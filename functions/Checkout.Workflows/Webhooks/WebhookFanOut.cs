using Azure.Storage.Queues;
using Checkout.Workflows.Events;
using Checkout.Workflows.Providers;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Consumes the webhooks queue: for each event, one delivery row per enabled endpoint that wants the event's type,
/// and that delivery's first attempt made right here (endpoints in parallel); only retries travel as delayed attempt
/// messages. Repeating a fan-out finds the rows already there and makes only first attempts that were never
/// recorded, so a crash between row and attempt loses nothing. The first attempt inline rather than queued saves
/// a message round trip (send, receive, delete, two reads) per event and endpoint, and a queue hop of latency.
/// </summary>
public sealed class WebhookFanOut(
    WebhookEndpointStore endpoints,
    WebhookDeliveryStore deliveries,
    WebhookDeliveryHandler attempts,
    QueueServiceClient queues,
    CheckoutWorkflowOptions options,
    TimeProvider clock,
    ProviderMode mode,
    ILogger<WebhookFanOut> logger)
{
    /// <summary>How long a poisoned fan-out that failed again waits before its next try.</summary>
    public static readonly TimeSpan PoisonRetryDelay = TimeSpan.FromMinutes(5);

    public async Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var events = Read(messageText, options.WebhooksQueue);
        try
        {
            await FanOutAsync(events, cancellationToken);
        }
        catch (Exception ex) when (dequeueCount >= options.MaxDequeueCount && ex is not OperationCanceledException)
        {
            WebhookLog.FanOutGivingUp(logger, ex, Ids(events), dequeueCount);
            throw;
        }
    }

    /// <summary>A fan-out that kept failing (storage trouble, almost always): try again; if it still fails, park the
    /// message in the poison queue for <see cref="PoisonRetryDelay"/> and log why, rather than drop merchant events.</summary>
    public async Task HandlePoisonAsync(string messageText, CancellationToken cancellationToken)
    {
        var poisonQueue = options.WebhooksQueue + "-poison";
        var events = Read(messageText, poisonQueue);
        try
        {
            await FanOutAsync(events, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebhookLog.FanOutParked(logger, ex, Ids(events), PoisonRetryDelay);
            await queues.GetQueueClient(poisonQueue).SendMessageAsync(messageText, PoisonRetryDelay, TimeSpan.FromSeconds(-1), cancellationToken);
        }
    }

    public async Task FanOutAsync(IReadOnlyList<MerchantEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var merchant in events.GroupBy(e => e.MerchantId, StringComparer.Ordinal))
        {
            var targets = (await endpoints.ListForDeliveryAsync(merchant.Key, cancellationToken)).Where(e => e.Enabled).ToList();
            foreach (var merchantEvent in merchant)
            {
                var matching = targets.Where(e => e.Wants(merchantEvent.Type)).ToList();
                await Task.WhenAll(matching.Select(endpoint => EnsureDeliveryAsync(merchantEvent, endpoint, cancellationToken)));
                WebhookLog.FannedOut(logger, merchantEvent.Id, merchantEvent.Type, merchant.Key, matching.Count);
            }
        }
    }

    private async Task EnsureDeliveryAsync(MerchantEvent merchantEvent, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var id = WebhookIds.DeliveryId(merchantEvent.Timestamp, merchantEvent.Id, endpoint.Id);
        var delivery = new WebhookDelivery(
            id, merchantEvent.MerchantId, endpoint.Id, merchantEvent.Id, merchantEvent.Type, WebhookIds.WebhookId(merchantEvent.Id),
            WebhookPayload.Serialize(merchantEvent, mode.LiveMode), clock.GetUtcNow(), WebhookDeliveryStatus.Pending, 0, []);
        if (await deliveries.AddAsync(delivery, cancellationToken) is { } etag)
        {
            await attempts.AttemptFirstAsync(delivery, etag, endpoint, cancellationToken);
            return;
        }

        var existing = await deliveries.GetAsync(delivery.MerchantId, id, cancellationToken);
        if (existing is { Delivery: { AttemptCount: 0, Status: WebhookDeliveryStatus.Pending } } found)
        {
            await attempts.AttemptFirstAsync(found.Delivery, found.ETag, endpoint, cancellationToken);
        }
    }

    private IReadOnlyList<MerchantEvent> Read(string messageText, string queueName)
    {
        try
        {
            return MerchantEventBatch.Parse(messageText);
        }
        catch (FormatException ex)
        {
            WebhookLog.Unreadable(logger, queueName, ex.Message);
            return [];
        }
    }

    private static string Ids(IReadOnlyList<MerchantEvent> events) => string.Join(", ", events.Select(e => e.Id));
}
