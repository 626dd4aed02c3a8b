using Checkout.Domain.Fx;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Fx;

/// <summary>
/// One fetch of the live feeds: the set they publish is checked against the set in force (<see cref="RateSetReview"/>)
/// and, if accepted, stored and put in force at once; a refused or failed fetch is logged with its reason and the set
/// in force stays. Every outcome is recorded for the health endpoint.
/// </summary>
public sealed partial class FxRateUpdater(
    FxRateFeed feed, FxRateStore store, LiveFxRateSource rates, FxOptions options, TimeProvider clock, ILogger<FxRateUpdater> logger)
{
    public async Task<FxFetchRecord> UpdateAsync(CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var record = await FetchAndReviewAsync(at, cancellationToken);
        await store.RecordFetchAsync(record, cancellationToken);
        return record;
    }

    private async Task<FxFetchRecord> FetchAndReviewAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        ExchangeRateSet candidate;
        try
        {
            candidate = await feed.FetchAsync(cancellationToken);
        }
        catch (FxFeedException e)
        {
            LogFailed(logger, e.Message);
            return new FxFetchRecord(at, FxFetchRecord.Failed, e.Message);
        }

        var inForce = await store.GetNewestAsync(cancellationToken);
        if (inForce is not null && SameRates(candidate, inForce.Rates))
        {
            rates.Use(inForce);
            return new FxFetchRecord(at, FxFetchRecord.Unchanged, $"The feeds publish the rates in force (as of {candidate.AsOf:yyyy-MM-dd}).");
        }

        if (RateSetReview.Refusal(candidate, inForce?.Rates, options.MaxMove) is { } reason)
        {
            LogRefused(logger, reason);
            return new FxFetchRecord(at, FxFetchRecord.Refused, reason);
        }

        var accepted = new StoredRateSet(candidate, at);
        await store.SaveAsync(accepted, cancellationToken);
        rates.Use(accepted);
        LogAccepted(logger, candidate.Rates.Count, candidate.AsOf);
        return new FxFetchRecord(at, FxFetchRecord.Accepted, $"{candidate.Rates.Count} rates as of {candidate.AsOf:yyyy-MM-dd}.");
    }

    private static bool SameRates(ExchangeRateSet a, ExchangeRateSet b) =>
        a.Rates.Count == b.Rates.Count
        && a.Rates.All(r => b.TryGetEuroRate(r.Currency, out var other) && other == r);

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "FX rates accepted: {Count} rates as of {AsOf}")]
    private static partial void LogAccepted(ILogger logger, int count, DateOnly asOf);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "FX rates refused, the rates in force stay: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "FX rate fetch failed, the rates in force stay: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
