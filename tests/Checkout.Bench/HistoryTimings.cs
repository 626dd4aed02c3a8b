namespace Checkout.Bench;

/// <summary>Reads after a run what the run itself should not pay for: every checkout's history (for server-side
/// latencies) and what one status poll costs in storage operations.</summary>
internal static class HistoryTimings
{
    private const int Readers = 16;
    private const int CalibrationPolls = 20;

    public static async Task<IReadOnlyDictionary<string, ServerTimings>> ReadAsync(CheckoutApiClient api, IReadOnlyList<CheckoutRecord> records, CancellationToken ct)
    {
        var timings = new System.Collections.Concurrent.ConcurrentDictionary<string, ServerTimings>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(records.Where(r => r.Id is not null), new ParallelOptions { MaxDegreeOfParallelism = Readers, CancellationToken = ct }, async (record, token) =>
        {
            using var status = await api.StatusAsync(record.Index, record.Id!, history: true, token);
            timings[record.Id!] = ServerTimings.FromStatus(status.RootElement);
        });
        return timings;
    }

    /// <summary>Storage operations per status GET, by kind: the fleet's counters around a burst of polls of one checkout.</summary>
    public static async Task<IReadOnlyDictionary<string, double>?> StatusPollCostAsync(CheckoutApiClient api, AppFleet fleet, IReadOnlyList<CheckoutRecord> records, CancellationToken ct)
    {
        if (records.FirstOrDefault(r => r.Id is not null) is not { } sample)
        {
            return null;
        }

        var before = await fleet.StorageOperationsAsync(ct);
        for (var i = 0; i < CalibrationPolls; i++)
        {
            using var _ = await api.StatusAsync(sample.Index, sample.Id!, history: false, ct);
        }

        var cost = (await fleet.StorageOperationsAsync(ct)).Minus(before);
        return StorageMix.From(cost, CalibrationPolls).PerCheckout.ToDictionary(p => p.Key, p => Math.Round(p.Value, 2));
    }
}
