using Azure;
using Microsoft.Extensions.Options;

namespace Checkout.Functions.Api;

/// <summary>Sweeps expired Idempotency-Key records every <see cref="IdempotencyOptions.SweepInterval"/>. Timers come
/// from the injected <see cref="TimeProvider"/>. A failed sweep is logged and retried at the next interval: expired
/// records only cost storage meanwhile.</summary>
internal sealed partial class IdempotencyPruner(
    IdempotencyStore store, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
                var deleted = await store.PruneAsync(stoppingToken);
                LogPruned(logger, deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Pruned {Count} expired Idempotency-Key records")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Idempotency-Key sweep failed; retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
