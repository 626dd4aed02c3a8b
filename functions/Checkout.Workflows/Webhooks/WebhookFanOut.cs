using Checkout.Storage.Queues;
using Checkout.Workflows.Events;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Consumes the webhooks queue: for each event, one delivery row and one attempt message per enabled endpoint that
/// wants the event's type. Repeating a fan-out finds the rows already there and only re-queues attempts that were
/// never made, so a crash between row and message loses nothing.
/// </summary>
public sealed class WebhookFanOut(
    WebhookEndpointStore endpoints,
    WebhookDeliveryStore deliveries,
    WebhookAttemptScheduler attempts,
    QueueServiceClient queues,
    CheckoutWorkflowOptions options,
    TimeProvider clock,
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
            var targets = (await endpoints.ListAsync(merchant.Key, cancellationToken)).Where(e => e.Enabled).ToList();
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
            WebhookPayload.Serialize(merchantEvent), clock.GetUtcNow(), WebhookDeliveryStatus.Pending, 0, []);
        if (!await deliveries.AddAsync(delivery, cancellationToken))
        {
            var existing = await deliveries.GetAsync(delivery.MerchantId, id, cancellationToken);
            if (existing is not { Delivery: { AttemptCount: 0, Status: WebhookDeliveryStatus.Pending } })
            {
                return;
            }
        }

        await attempts.ScheduleAsync(new WebhookAttemptMessage(delivery.MerchantId, id, 1), null, cancellationToken);
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
