using Checkout.Domain.Fx;

namespace Checkout.Workflows.Fx;

/// <summary>What the health endpoint says about FX: which source quotes, how old its rates are, whether they may still
/// be quoted, and the last fetch's outcome.</summary>
/// <param name="Status"><c>ok</c>, <c>sample</c> (the sandbox), <c>stale</c> (older than quotes accept) or
/// <c>unavailable</c> (no live set accepted yet).</param>
public sealed record FxRateStatus(string Status, string Source, DateOnly? AsOf, DateTimeOffset? FetchedAt, int MaxRateAgeDays, FxFetchRecord? LastFetch)
{
    /// <summary>Whether checkouts can be quoted: with stale or no rates every one would be refused.</summary>
    public bool Healthy => Status is "ok" or "sample";
}

/// <summary>Builds <see cref="FxRateStatus"/> from the source in force and the last fetch record.</summary>
public sealed class FxRateHealth(IFxRateSource rates, LiveFxRateSource live, FxOptions options, FxQuoteOptions quoteOptions, FxRateStore store, TimeProvider clock)
{
    /// <param name="includeLastFetch">Read the last fetch's record (one table read); false when tables are unreachable.</param>
    public async Task<FxRateStatus> CheckAsync(bool includeLastFetch, CancellationToken cancellationToken)
    {
        if (options.IsSandbox)
        {
            return new FxRateStatus("sample", options.Source, rates.GetCurrentRates().AsOf, null, quoteOptions.MaxRateAgeDays, null);
        }

        var lastFetch = includeLastFetch ? await store.GetLastFetchAsync(cancellationToken) : null;
        var current = live.Current;
        if (current is null)
        {
            return new FxRateStatus("unavailable", options.Source, null, null, quoteOptions.MaxRateAgeDays, lastFetch);
        }

        var status = quoteOptions.IsTooOld(current.Rates.AsOf, clock.GetUtcNow()) ? "stale" : "ok";
        return new FxRateStatus(status, options.Source, current.Rates.AsOf, current.FetchedAt, quoteOptions.MaxRateAgeDays, lastFetch);
    }
}
