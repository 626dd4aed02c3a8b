using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Fx;

/// <summary>
/// Keeps each instance's <see cref="LiveFxRateSource"/> current: the timer fetches on one instance only, so the others
/// reread the newest stored set every <see cref="FxOptions.ReloadInterval"/> (one storage read a minute per instance,
/// none per checkout); with the sandbox's sample rates it has nothing to do. A storage hiccup is logged and the next tick tries again.
/// </summary>
public sealed partial class FxRateReloader(LiveFxRateSource rates, FxOptions options, TimeProvider clock, ILogger<FxRateReloader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.IsSandbox)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.ReloadInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await rates.ReloadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReloadFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Rereading the stored FX rates failed; the rates in force stay")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
