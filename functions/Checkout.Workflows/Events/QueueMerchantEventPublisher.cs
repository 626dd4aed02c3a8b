using System.Text.Json;
using Azure.Storage.Queues;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Events;

/// <summary>Publishes merchant events as messages on the webhooks queue (<see cref="CheckoutWorkflowOptions.WebhooksQueue"/>),
/// whose consumer fans each event out to the merchant's endpoints.</summary>
public sealed class QueueMerchantEventPublisher(QueueServiceClient queues, CheckoutWorkflowOptions options) : IMerchantEventPublisher
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.WebhooksQueue);

    // Never expire: the default 7-day time-to-live would silently drop an event nobody fanned out in time.
    public Task PublishAsync(MerchantEvent merchantEvent, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(merchantEvent, WorkflowJson.Options), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
}
