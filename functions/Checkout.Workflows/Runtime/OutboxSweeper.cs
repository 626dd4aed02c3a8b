using Checkout.Workflows.Persistence;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Runtime;

/// <summary>Resends outbox rows a crash left between commit and send. Receivers are idempotent, so a row sent by
/// both its transition and the sweeper costs a duplicate message, never a duplicate effect. Run by the OutboxSweep
/// timer function every <see cref="CheckoutWorkflowOptions.OutboxSweepInterval"/>.</summary>
public sealed partial class OutboxSweeper(
    CheckoutStore store,
    OutboxDispatcher dispatcher,
    CheckoutWorkflowOptions options,
    TimeProvider clock,
    ILogger<OutboxSweeper> logger)
{
    /// <summary>One pass; returns how many messages were resent.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var stale = new List<(string CheckoutId, OutboxMessage Message)>();
        await foreach (var row in store.FindStaleOutboxAsync(clock.GetUtcNow() - options.OutboxMinAge, cancellationToken))
        {
            stale.Add(row);
        }

        foreach (var checkout in stale.GroupBy(r => r.CheckoutId, StringComparer.Ordinal))
        {
            LogResending(logger, checkout.Key, checkout.Count());
            await dispatcher.DispatchAsync(checkout.Key, checkout.Select(r => r.Message).ToList(), cancellationToken);
        }

        return stale.Count;
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Resending {Count} outbox message(s) of checkout {CheckoutId} left by an interrupted transition")]
    private static partial void LogResending(ILogger logger, string checkoutId, int count);
}
