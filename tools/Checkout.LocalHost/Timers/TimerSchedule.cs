using System.Globalization;
using NCrontab;

namespace Checkout.LocalHost.Timers;

/// <summary>
/// A timer trigger's schedule as the Functions host reads it: an NCRONTAB expression with seconds
/// (<c>"0 */5 * * * *"</c>, UTC), or a TimeSpan (<c>"00:00:15"</c>, every 15 seconds, as on Premium and Dedicated plans).
/// </summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan interval)
    {
        _cron = cron;
        _interval = interval;
    }

    /// <exception cref="FormatException">Neither form.</exception>
    public static TimerSchedule Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval))
        {
            return interval > TimeSpan.Zero ? new TimerSchedule(null, interval) : throw new FormatException($"Timer interval '{expression}' must be positive.");
        }

        var withSeconds = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6;
        return new TimerSchedule(CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = withSeconds })
            ?? throw new FormatException($"'{expression}' is neither an NCRONTAB expression nor a TimeSpan."), TimeSpan.Zero);
    }

    public DateTimeOffset Next(DateTimeOffset after) => _cron is null
        ? after + _interval
        : new DateTimeOffset(_cron.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);
}
