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

    /// <param name="quoteId">Derived by the caller, so that quoting again for the same step yields the same id.</param>
    /// <param name="sources">The currencies to convert from, in the order the legs should have (duplicates ignored).</param>
    /// <param name="now">Both the quote's creation time and the day its rates' age is judged on.</param>
    public FxQuoteResult Quote(string quoteId, IReadOnlyCollection<CurrencyCode> sources, CurrencyCode target, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(quoteId);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("A quote needs at least one source currency.", nameof(sources));
        }

        var distinctSources = sources.Distinct().ToList();
        var rates = rateSource.GetCurrentRates();
        if (Refusal(distinctSources, target, rates, now) is { } refusal)
        {
            return refusal;
        }

        var used = RatesUsed(distinctSources, target, rates);
        var legs = distinctSources.Select(s => BuildLeg(rates, s, target)).ToList();
        var asOf = used.Count == 0 ? rates.AsOf : used.Min(r => r.AsOf);
        var rateSourceNames = used.Count == 0
            ? "identity"
            : string.Join("; ", used.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal));
        return new FxQuoteIssued(new FxQuote(quoteId, target, legs, now, now + options.LockDuration, asOf, rateSourceNames, rates.IsSample));
    }

    private FxQuoteRefused? Refusal(List<CurrencyCode> sources, CurrencyCode target, ExchangeRateSet rates, DateTimeOffset now)
    {
        var unsupported = sources.Prepend(target).Distinct().Where(c => !Iso4217.IsSupported(c)).ToList();
        if (unsupported.Count > 0)
        {
            return new(FxQuoteRefusalReason.UnsupportedCurrency, $"Not supported: {string.Join(", ", unsupported)}.");
        }

        var missing = CurrenciesNeedingRates(sources, target).Where(c => !rates.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return new(FxQuoteRefusalReason.MissingRate, $"No reference rate for {string.Join(", ", missing)}.");
        }

        if (rates.IsSample)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var stale = RatesUsed(sources, target, rates)
            .Where(r => options.IsTooOld(r.AsOf, now))
            .Select(r => $"{r.Currency} as of {r.AsOf:yyyy-MM-dd}")
            .ToList();
        return stale.Count == 0
            ? null
            : new(FxQuoteRefusalReason.StaleRates,
                $"Rates older than {options.MaxRateAgeDays} days on {today:yyyy-MM-dd}: {string.Join(", ", stale)}.");
    }

    /// <summary>Only an actual conversion needs rates: a source already in the target currency needs none.</summary>
    private static List<CurrencyCode> CurrenciesNeedingRates(List<CurrencyCode> sources, CurrencyCode target)
    {
        var converted = sources.Where(s => s != target).ToList();
        return converted.Count == 0 ? [] : [.. converted, target];
    }

    /// <summary>The stored rates a quote relies on; the euro has none, being the base of all of them.</summary>
    private static List<EuroRate> RatesUsed(List<CurrencyCode> sources, CurrencyCode target, ExchangeRateSet rates) =>
        CurrenciesNeedingRates(sources, target)
            .Select(c => rates.TryGetEuroRate(c, out var rate) ? rate : null)
            .OfType<EuroRate>()
            .ToList();

    private FxQuoteLeg BuildLeg(ExchangeRateSet rates, CurrencyCode source, CurrencyCode target) =>
        source == target
            ? FxQuoteLeg.Identity(source)
            : FxQuoteLeg.WithSpread(source, rates.GetMidRate(source, target), spreads.SpreadBpsFor(source, target));
}
