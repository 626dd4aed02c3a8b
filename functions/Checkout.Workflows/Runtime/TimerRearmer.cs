using Azure.Storage.Queues;
using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Runtime;

/// <summary>
/// Durable timers are queue messages with an initial visibility delay, capped at
/// <see cref="CheckoutWorkflowOptions.MaxTimerDelay"/> (Azure's limit is 7 days). A timer that wakes before its due
/// time sends itself again for the remainder; one that wakes late or twice yields an event the state machine ignores
/// unless it is still the current quote's expiry.
/// </summary>
public sealed class TimerRearmer(QueueServiceClient queues, CheckoutWorkflowOptions options)
{
    private readonly QueueClient _timers = queues.GetQueueClient(options.TimersQueue);

    public async Task<CheckoutEvent?> FireOrRearmAsync(WorkItem item, CheckoutState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(state);
        var dueAt = item.DueAt ?? now;
        if (dueAt > now)
        {
            var remaining = TimeSpan.FromSeconds(Math.Ceiling(Math.Min((dueAt - now).TotalSeconds, options.MaxTimerDelay.TotalSeconds)));
            await _timers.SendMessageAsync(item.ToJson(), remaining, TimeSpan.FromSeconds(-1), cancellationToken);
            return null;
        }

        return new QuoteExpiryDue(item.QuoteId ?? string.Empty, now);
    }
}
