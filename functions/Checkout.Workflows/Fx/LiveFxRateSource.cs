using Checkout.Domain.Fx;

namespace Checkout.Workflows.Fx;

/// <summary>
/// The stored rate set in force, held in memory so a quote costs no storage round trip: loaded before the app takes
/// work, replaced at once by a set this instance accepts, and reread every <see cref="FxOptions.ReloadInterval"/>
/// (<see cref="FxRateReloader"/>) to pick up what another instance fetched.
/// </summary>
public sealed class LiveFxRateSource(FxRateStore store) : IFxRateSource
{
    private volatile StoredRateSet? _current;

    /// <summary>The set in force, or null before any was stored.</summary>
    public StoredRateSet? Current => _current;

    /// <exception cref="FxRatesUnavailableException">No set has been accepted yet.</exception>
    public ExchangeRateSet GetCurrentRates() => _current?.Rates ?? throw new FxRatesUnavailableException();

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (await store.GetNewestAsync(cancellationToken) is { } newest)
        {
            Use(newest);
        }
    }

    /// <summary>Puts <paramref name="set"/> in force unless a newer one already is.</summary>
    public void Use(StoredRateSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        StoredRateSet? seen;
        do
        {
            seen = _current;
            if (seen is not null && seen.FetchedAt >= set.FetchedAt)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _current, set, seen) != seen);
    }
}

/// <summary>No live rate set has been accepted yet (the feeds have not answered since the app's first start): nothing
/// can be quoted. A checkout step retries; the API answers 503.</summary>
public sealed class FxRatesUnavailableException()
    : InvalidOperationException("No FX rates are available yet: the rate feeds have not been fetched successfully. See /api/health.");
