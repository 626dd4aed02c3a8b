using Checkout.Functions.Api;
using Checkout.Workflows.Fx;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.Functions.Triggers;

/// <summary>
/// Periodic work, on the Functions timer (one instance at a time in Azure): fetching the live FX rates and pruning
/// expired Idempotency-Key records. A failed run is logged and the next one tries again.
/// </summary>
public static partial class TimerFunctions
{
    [Function("IdempotencySweep")]
    public static async Task IdempotencySweepAsync([TimerTrigger(TriggerSettings.IdempotencySweepSchedule)] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.InstanceServices;
        var logger = services.GetRequiredService<ILogger<IdempotencyStore>>();
        var deleted = await services.GetRequiredService<IdempotencyStore>().PruneAsync(context.CancellationToken);
        LogPruned(logger, deleted);
    }

    /// <summary>Fetches, checks and stores the live rates (<see cref="FxRateUpdater"/>); with the sandbox's sample
    /// rates there is nothing to fetch.</summary>
    [Function("FxRatesRefresh")]
    public static async Task FxRatesRefreshAsync([TimerTrigger(TriggerSettings.FxRefreshSchedule)] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.InstanceServices;
        if (!services.GetRequiredService<FxOptions>().IsSandbox)
        {
            await services.GetRequiredService<FxRateUpdater>().UpdateAsync(context.CancellationToken);
        }
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Pruned {Count} expired Idempotency-Key records")]
    private static partial void LogPruned(ILogger logger, int count);
}
