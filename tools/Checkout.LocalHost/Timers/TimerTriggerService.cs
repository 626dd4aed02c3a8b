using Checkout.LocalHost.Invocation;
using Checkout.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.LocalHost.Timers;

/// <summary>
/// Fires each timer-triggered function on its schedule, on the app's <see cref="TimeProvider"/>, one occurrence at a
/// time per function. A failed run is logged and the next occurrence runs as usual, as under the Functions host. One
/// process here, so no singleton lock is needed; occurrences missed while stopped or while a run overran are skipped,
/// not made up one after another.
/// </summary>
internal sealed partial class TimerTriggerService(
    FunctionCatalog catalog, FunctionInvoker invoker, IConfiguration configuration, TimeProvider clock, ILogger<TimerTriggerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.WithTrigger(FunctionBinding.TimerTrigger).Select(f =>
            RunAsync(f, TimerSchedule.Parse(SettingExpression.Resolve(f.Trigger.Schedule ?? string.Empty, configuration)), stoppingToken)));

    private async Task RunAsync(LocalFunction function, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        var last = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = schedule.Next(last);
            try
            {
                var wait = due - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                var now = clock.GetUtcNow();
                var timer = new TimerInfo
                {
                    IsPastDue = now - due > TimeSpan.FromSeconds(1),
                    ScheduleStatus = new ScheduleStatus { Last = last.UtcDateTime, Next = schedule.Next(due).UtcDateTime, LastUpdated = now.UtcDateTime },
                };
                await invoker.InvokeAsync(function, timer, new Dictionary<string, object?>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A function may throw anything; the next occurrence must still run, as the host's timer does.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, function.Name);
            }

            // The next occurrence after the later of this one and now: a run longer than the interval skips what it
            // overran instead of firing back to back.
            var finished = clock.GetUtcNow();
            last = finished > due ? finished : due;
        }
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Error, Message = "Timer function {FunctionName} failed; it runs again at its next occurrence")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName);
}
