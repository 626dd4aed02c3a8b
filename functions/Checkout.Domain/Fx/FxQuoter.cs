using System.Globalization;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>
/// Issues FX quotes from the current reference rates plus the spread policy. Pure: the time and the quote id come
/// from the caller (the workflow derives ids from checkout id and attempt, so a redelivered message quotes the same id).
/// </summary>
public sealed class FxQuoter
{
    private readonly IFxRateSource rateSource;
    private readonly FxSpreadPolicy spreads;
    private readonly FxQuoteOptions options;

    public FxQuoter(IFxRateSource rateSource, FxSpreadPolicy spreads, FxQuoteOptions options)
    {
        ArgumentNullException.ThrowIfNull(rateSource);
        ArgumentNullException.ThrowIfNull(spreads);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.rateSource = rateSource;
        this.spreads = spreads;
        this.options = options;
    }

    /// <param name="sources">The currencies to convert from, in the order the legs should have (duplicates ignored).</param>
    public FxQuoteResult Quote(string quoteId, IReadOnlyCollection<CurrencyCode> sources, CurrencyCode target, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(quoteId);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("A quote needs at least one source currency.", nameof(sources));
        }

        var distinctSources = sources.Distinct().ToList();
        var unsupported = distinctSources.Prepend(target).Where(c => !Iso4217.IsSupported(c)).Distinct().ToList();
        if (unsupported.Count > 0)
        {
            return Refuse(FxQuoteRefusalReason.UnsupportedCurrency, $"Not supported: {string.Join(", ", unsupported)}.");
        }

        var rates = rateSource.GetCurrentRates();
        var converted = distinctSources.Where(s => s != target).ToList();
        var needed = converted.Count == 0 ? [] : converted.Append(target).ToList();
        var missing = needed.Where(c => !rates.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Refuse(FxQuoteRefusalReason.MissingRate, $"No reference rate for {string.Join(", ", missing)}.");
        }

        var used = needed.Select(c => rates.TryGetEuroRate(c, out var r) ? r : null).OfType<EuroRate>().ToList();
        var asOf = used.Count == 0 ? rates.AsOf : used.Min(r => r.AsOf);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today.DayNumber - asOf.DayNumber > options.MaxRateAgeDays)
        {
            var stale = used.Where(r => today.DayNumber - r.AsOf.DayNumber > options.MaxRateAgeDays).Select(r => $"{r.Currency} as of {r.AsOf:yyyy-MM-dd}");
            return Refuse(FxQuoteRefusalReason.StaleRates, $"Rates older than {options.MaxRateAgeDays} days on {today:yyyy-MM-dd}: {string.Join(", ", stale)}.");
        }

        var legs = distinctSources.Select(s => BuildLeg(rates, s, target)).ToList();
        var source = used.Count == 0 ? "identity" : string.Join("; ", used.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal));
        return new FxQuoteIssued(new FxQuote(quoteId, target, legs, now, now + options.LockDuration, asOf, source));
    }

    private FxQuoteLeg BuildLeg(ExchangeRateSet rates, CurrencyCode source, CurrencyCode target) =>
        source == target
            ? FxQuoteLeg.Identity(source)
            : FxQuoteLeg.WithSpread(source, rates.GetMidRate(source, target), spreads.SpreadBpsFor(source, target));

    private static FxQuoteRefused Refuse(FxQuoteRefusalReason reason, string detail) => new(reason, detail);
}
