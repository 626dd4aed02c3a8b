using Checkout.Workflows.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Runtime;

/// <summary>Resends outbox rows a crash left between commit and send. Receivers are idempotent, so a row sent by
/// both its transition and the sweeper costs a duplicate message, never a duplicate effect.</summary>
public sealed partial class OutboxSweeper(
    CheckoutStore store,
    OutboxDispatcher dispatcher,
    CheckoutWorkflowOptions options,
    TimeProvider clock,
    ILogger<OutboxSweeper> logger) : BackgroundService
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.OutboxSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Resending {Count} outbox message(s) of checkout {CheckoutId} left by an interrupted transition")]
    private static partial void LogResending(ILogger logger, string checkoutId, int count);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Outbox sweep failed; retrying next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
