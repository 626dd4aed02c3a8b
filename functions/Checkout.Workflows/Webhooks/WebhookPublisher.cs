using Checkout.Workflows.Events;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// The app's merchant event publisher: it makes the events' first delivery attempts itself, as the webhooks queue's
/// fan-out would (attempts, then the deliveries' rows, then any retries), so an event costs no webhooks-queue message (a
/// send, a receive and a delete) and no queue hop of latency. Safe because every publisher is itself run again until it
/// completes (a workflow activity, a queue function): it is the outbox, and a crash before the rows are written
/// publishes again, with the same event ids, on which receivers dedupe. Bounded by
/// <see cref="WebhookOptions.InlineDeliveryBudget"/>, so a slow endpoint cannot hold a workflow step: past it, or if
/// anything fails, the events go to the webhooks queue marked as possibly attempted, and the fan-out there reads what
/// was recorded before attempting the rest.
/// </summary>
public sealed class WebhookPublisher(WebhookFanOut fanOut, QueueMerchantEventPublisher queue, WebhookOptions options, ILogger<WebhookPublisher> logger)
    : IMerchantEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<MerchantEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        if (options.InlineDeliveryBudget <= TimeSpan.Zero)
        {
            await queue.PublishAsync(events, cancellationToken);
            return;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.InlineDeliveryBudget);
        try
        {
            await fanOut.DeliverFirstAsync(events, budget.Token);
            return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            WebhookLog.HandedToQueue(logger, WebhookFanOut.Ids(events), $"not done within {options.InlineDeliveryBudget.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebhookLog.HandedToQueue(logger, WebhookFanOut.Ids(events), ex.Message);
        }

        await queue.PublishAsync(events, attempted: true, cancellationToken);
    }
}
