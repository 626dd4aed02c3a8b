using Azure.Storage.Queues;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Webhooks;

/// <summary>Queues delivery attempts; a retry is a message with an initial visibility delay (a durable timer).</summary>
public sealed class WebhookAttemptScheduler(QueueServiceClient queues, CheckoutWorkflowOptions options, TimeProvider clock, IEnumerable<IQueueSignal> signals)
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.WebhookDeliveriesQueue);

    public string Name => _queue.Name;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.WhenAll(
        _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
        queues.GetQueueClient(options.WebhookDeliveriesQueue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    /// <summary>Sends the attempt now, or hidden until <paramref name="due"/> (whole seconds, at most Azure's 7 days).</summary>
    public async Task ScheduleAsync(WebhookAttemptMessage message, DateTimeOffset? due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delay = due is { } at ? at - clock.GetUtcNow() : TimeSpan.Zero;
        TimeSpan? visibility = delay <= TimeSpan.Zero ? null : TimeSpan.FromSeconds(Math.Ceiling(Math.Min(delay.TotalSeconds, TimeSpan.FromDays(7).TotalSeconds)));

        // Never expire: the default 7-day time-to-live would silently drop a scheduled retry.
        await _queue.SendMessageAsync(message.ToJson(), visibility, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
        if (visibility is null)
        {
            foreach (var signal in signals)
            {
                signal.Notify(_queue.Name);
            }
        }
    }
}
