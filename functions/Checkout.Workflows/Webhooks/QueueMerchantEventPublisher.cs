using Azure.Storage.Queues;
using Checkout.Workflows.Events;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Webhooks;

/// <summary>Publishes merchant events as one message on the webhooks queue (<see cref="CheckoutWorkflowOptions.WebhooksQueue"/>),
/// whose consumer (<see cref="WebhookFanOut"/>) fans them out to the merchant's endpoints.</summary>
public sealed class QueueMerchantEventPublisher(QueueServiceClient queues, CheckoutWorkflowOptions options, IEnumerable<IQueueSignal> signals)
    : IMerchantEventPublisher
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.WebhooksQueue);

    public Task PublishAsync(IReadOnlyList<MerchantEvent> events, CancellationToken cancellationToken) => PublishAsync(events, attempted: false, cancellationToken);

    /// <param name="attempted">Whether first attempts of these may have been made already (see <see cref="MerchantEventBatch.Attempted"/>).</param>
    public async Task PublishAsync(IReadOnlyList<MerchantEvent> events, bool attempted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        // Never expire: the default 7-day time-to-live would silently drop an event nobody fanned out in time.
        await _queue.SendMessageAsync(new MerchantEventBatch(events, attempted).ToJson(), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
        foreach (var signal in signals)
        {
            signal.Notify(options.WebhooksQueue);
        }
    }
}
