using System.Text.Json;
using Checkout.Storage.Queues;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Events;

/// <summary>Publishes merchant events as messages on the webhooks queue (<see cref="CheckoutWorkflowOptions.WebhooksQueue"/>),
/// whose consumer fans each event out to the merchant's endpoints.</summary>
public sealed class QueueMerchantEventPublisher(QueueServiceClient queues, CheckoutWorkflowOptions options) : IMerchantEventPublisher
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.WebhooksQueue);

    public Task PublishAsync(MerchantEvent merchantEvent, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(merchantEvent, WorkflowJson.Options), ct: cancellationToken);
}
