namespace Checkout.Domain.Fx;

/// <summary>How long a quote holds and how old the reference rates behind it may be.</summary>
public sealed class FxQuoteOptions
{
    public const string SectionName = "Fx:Quotes";

    /// <summary>How long the buyer has to confirm at the quoted rate. Stripe locks for 5 min, 1 h or 1 day; 15 minutes
    /// is Airwallex's common middle setting and enough for a buyer to read a landed cost.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many calendar days (UTC) after its as-of date a reference rate may still be quoted. Rates are dated, not
    /// timed, and the ECB publishes no file on weekends and TARGET holidays: 4 days carries Friday's rates through
    /// Tuesday and Thursday's through a Good Friday plus Easter Monday. Older rates are refused, not quoted.
    /// </summary>
    public int MaxRateAgeDays { get; set; } = 4;

    /// <summary>Whether a rate as of <paramref name="asOf"/> is past <see cref="MaxRateAgeDays"/> on the UTC day of
    /// <paramref name="now"/>.</summary>
    public bool IsTooOld(DateOnly asOf, DateTimeOffset now) =>
        DateOnly.FromDateTime(now.UtcDateTime).DayNumber - asOf.DayNumber > MaxRateAgeDays;

    /// <summary>Throws on settings no sane configuration has; call at start-up.</summary>
    public void Validate()
    {
        if (LockDuration <= TimeSpan.Zero || LockDuration > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(LockDuration), LockDuration, "Lock duration must be more than zero and at most one day.");
        }

        if (MaxRateAgeDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRateAgeDays), MaxRateAgeDays, "Maximum rate age cannot be negative.");
        }
    }
}
