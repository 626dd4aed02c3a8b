using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Checkout.Workflows.Persistence;

namespace Checkout.Workflows.Runtime;

/// <summary>Sends a committed transition's outbox messages, then deletes the rows. A crash in between leaves rows
/// the sweeper resends; receivers are idempotent, so a message sent twice changes nothing twice.</summary>
public sealed class OutboxDispatcher(
    QueueServiceClient queues,
    CheckoutStore store,
    CheckoutWorkflowOptions options,
    TimeProvider clock,
    IEnumerable<IQueueSignal> signals)
{
    private readonly ConcurrentDictionary<string, QueueClient> _clients = new(StringComparer.Ordinal);
    private readonly IQueueSignal[] _signals = signals.ToArray();

    public async Task DispatchAsync(string checkoutId, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await Task.WhenAll(messages.Select(m => SendAsync(m, cancellationToken)));
        await store.DeleteOutboxAsync(checkoutId, messages, cancellationToken);
        foreach (var queue in messages.Where(m => m.VisibleAt <= clock.GetUtcNow()).Select(m => m.Queue).Distinct())
        {
            Array.ForEach(_signals, s => s.Notify(queue));
        }
    }

    private Task<Response<SendReceipt>> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var delay = message.VisibleAt - clock.GetUtcNow();
        delay = delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(Math.Min(delay.TotalSeconds, options.MaxTimerDelay.TotalSeconds)));
        var client = _clients.GetOrAdd(message.Queue, name => queues.GetQueueClient(name));

        // Never expire: the default 7-day time-to-live would silently drop a step or timer no one processed in time.
        return client.SendMessageAsync(message.Body, delay == TimeSpan.Zero ? null : delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
    }
}
