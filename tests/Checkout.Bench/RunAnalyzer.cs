namespace Checkout.Bench;

/// <summary>Turns the driver's records, the checkouts' histories and the storage counters into a run's figures.</summary>
internal static class RunAnalyzer
{
    public static RunFigures Analyze(
        string label, int instances, LoadPlan plan, IReadOnlyList<CheckoutRecord> records,
        IReadOnlyDictionary<string, ServerTimings> server, StorageSnapshot storage, long clientRetries)
    {
        var completed = records.Where(r => r.CompletedSeenAt is not null).ToList();
        var seconds = completed.Count == 0 ? 0 : completed.Max(r => r.CompletedSeenAt!.Value);
        var timings = records.Where(r => r.Id is not null && server.ContainsKey(r.Id)).Select(r => (Record: r, Timing: server[r.Id!])).ToList();
        return new RunFigures
        {
            Label = label,
            Instances = instances,
            OfferedLoad = plan.Rate is { } rate ? FormattableString.Invariant($"{rate:F1} checkouts/s") : $"as fast as possible, {plan.Concurrency} in flight",
            Checkouts = records.Count,
            Completed = completed.Count,
            FailureSamples = [.. records.Where(r => r.CompletedSeenAt is null).Take(5).Select(r => $"{r.IdempotencyKey}: {r.FinalStatus ?? "no status"} {r.Error}")],
            Seconds = Math.Round(seconds, 2),
            CheckoutsPerSecond = seconds > 0 ? Math.Round(completed.Count / seconds, 2) : 0,
            StartToAwaitingMs = LatencySummary.Of(timings.Select(t => t.Timing.StartToAwaitingMs).OfType<double>()),
            ConfirmToCompletedMs = LatencySummary.Of(timings.Select(t => t.Timing.ConfirmToCompletedMs).OfType<double>()),
            ClientStartToAwaitingMs = LatencySummary.Of(records.Where(r => r.AwaitingSeenAt is not null).Select(r => (r.AwaitingSeenAt!.Value - r.StartSentAt!.Value) * 1000)),
            ClientConfirmToCompletedMs = LatencySummary.Of(completed.Select(r => (r.CompletedSeenAt!.Value - r.ConfirmSentAt!.Value) * 1000)),
            StatusPollsPerCheckout = Math.Round(records.Sum(r => r.Polls) / (double)Math.Max(records.Count, 1), 2),
            StorageOperationsPerCheckout = StorageMix.From(storage, records.Count).PerCheckout.ToDictionary(p => p.Key, p => Math.Round(p.Value, 2)),
            StorageOperationsPerCheckoutTotal = Math.Round(StorageMix.From(storage, records.Count).Total, 2),
            StorageRetries = storage.Operations.GetValueOrDefault("Retry"),
            ClientRetries = clientRetries,
            Timeline = Timeline(timings),
        };
    }

    private static List<TimelinePoint> Timeline(IReadOnlyList<(CheckoutRecord Record, ServerTimings Timing)> timings)
    {
        var completions = timings.Where(t => t.Record.CompletedSeenAt is not null).GroupBy(t => (int)t.Record.CompletedSeenAt!.Value).ToDictionary(g => g.Key, g => g.Count());
        var latencies = timings.Where(t => t.Timing.StartToAwaitingMs is not null)
            .GroupBy(t => (int)t.Record.StartSentAt!.Value)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Timing.StartToAwaitingMs!.Value).Order().ToArray());
        var last = completions.Keys.Concat(latencies.Keys).DefaultIfEmpty(0).Max();
        return [.. Enumerable.Range(0, last + 1).Select(s => latencies.TryGetValue(s, out var l)
            ? new TimelinePoint(s, completions.GetValueOrDefault(s), LatencySummary.Rank(l, 0.5), LatencySummary.Rank(l, 0.95), LatencySummary.Rank(l, 0.99))
            : new TimelinePoint(s, completions.GetValueOrDefault(s), null, null, null))];
    }
}
