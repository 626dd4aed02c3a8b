using System.Globalization;

namespace Checkout.Workflows.Webhooks;

/// <summary>Webhook delivery settings; section <c>Webhooks</c> of the app settings.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The Standard Webhooks example schedule after the immediate first attempt: about 75.6 hours in all.</summary>
    public const string DefaultRetrySchedule = "00:00:05,00:05:00,00:30:00,02:00:00,05:00:00,10:00:00,14:00:00,20:00:00,1.00:00:00";

    /// <summary>Delays before each retry, comma-separated TimeSpans (a string, so one environment variable overrides it
    /// whole; configuration binding would append to an array instead of replacing it).</summary>
    public string RetrySchedule { get; set; } = DefaultRetrySchedule;

    /// <summary>How long one attempt may take, connection included, before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a fan-out reuses a merchant's endpoint list (<c>00:00:00</c> reads it for every event batch).
    /// Changes made on the same instance apply at once; made on another instance, within this time. Endpoints change
    /// rarely and events come in bursts, so the list was one table query per batch for the same answer.</summary>
    public TimeSpan EndpointCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a publisher waits on the first attempts it makes itself (<see cref="WebhookPublisher"/>) before it
    /// hands the events to the webhooks queue instead; <c>00:00:00</c> sends every event through the queue. Short, so a
    /// slow endpoint cannot hold a workflow step.</summary>
    public TimeSpan InlineDeliveryBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The parsed <see cref="RetrySchedule"/>; attempt n (1-based) that fails waits <c>RetryDelays[n-1]</c>.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; private set; } = Parse(DefaultRetrySchedule);

    public int MaxAttempts => RetryDelays.Count + 1;

    public void Validate()
    {
        try
        {
            RetryDelays = Parse(RetrySchedule);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{SectionName}:RetrySchedule must be comma-separated TimeSpans: {ex.Message}", ex);
        }

        // Retries are queue messages with an initial visibility delay, which Azure caps at 7 days.
        if (RetryDelays.Any(d => d <= TimeSpan.Zero || d > TimeSpan.FromDays(7)))
        {
            throw new InvalidOperationException($"{SectionName}:RetrySchedule delays must be between 0 and 7 days.");
        }

        if (EndpointCacheDuration < TimeSpan.Zero || EndpointCacheDuration > TimeSpan.FromMinutes(5))
        {
            throw new InvalidOperationException($"{SectionName}:EndpointCacheDuration must be between 0 and 5 minutes.");
        }

        if (InlineDeliveryBudget < TimeSpan.Zero || InlineDeliveryBudget > TimeSpan.FromSeconds(30))
        {
            throw new InvalidOperationException($"{SectionName}:InlineDeliveryBudget must be between 0 and 30 seconds.");
        }

        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromMinutes(1) || ConnectTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:AttemptTimeout must be between 0 and 60 seconds and ConnectTimeout positive.");
        }
    }

    private static TimeSpan[] Parse(string schedule) =>
        [.. schedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => TimeSpan.Parse(d, CultureInfo.InvariantCulture))];
}
