namespace Checkout.Bench.Baseline;

/// <summary>The app's first as-fast-as-possible run against the bare-engine baseline: throughput ratio, and storage
/// operations per checkout with the status polls taken out (the driver's polls, priced by the calibration after the
/// run) next to the baseline's per orchestration, by kind.</summary>
internal sealed record BaselineComparison(
    string AppRun,
    double ThroughputRatio,
    double AppOperationsPerCheckout,
    double BaselineOperationsPerOrchestration,
    IReadOnlyDictionary<string, OperationsSideBySide> ByKind)
{
    public static BaselineComparison? Of(IReadOnlyList<RunFigures> runs, BaselineFigures? baseline)
    {
        if (baseline is not { OrchestrationsPerSecond: > 0 } || runs.FirstOrDefault(r => r.Ceiling is not null) is not { } run)
        {
            return null;
        }

        var app = WithoutPolling(run);
        var kinds = app.Keys.Union(baseline.StorageOperationsPerOrchestration.Keys).Order(StringComparer.Ordinal);
        var byKind = kinds.ToDictionary(
            k => k,
            k => new OperationsSideBySide(Math.Round(app.GetValueOrDefault(k), 2), baseline.StorageOperationsPerOrchestration.GetValueOrDefault(k)),
            StringComparer.Ordinal);
        return new BaselineComparison(
            run.Label,
            Math.Round(run.CheckoutsPerSecond / baseline.OrchestrationsPerSecond, 3),
            Math.Round(app.Values.Sum(), 1),
            baseline.StorageOperationsPerOrchestrationTotal,
            byKind);
    }

    /// <summary>Per-checkout operations less polls × cost per poll, never below zero.</summary>
    public static Dictionary<string, double> WithoutPolling(RunFigures run) =>
        run.StorageOperationsPerCheckout.ToDictionary(
            p => p.Key,
            p => Math.Max(0, p.Value - (run.StatusPollsPerCheckout * (run.StatusPollCost?.GetValueOrDefault(p.Key) ?? 0))),
            StringComparer.Ordinal);
}
