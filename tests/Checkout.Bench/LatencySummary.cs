namespace Checkout.Bench;

/// <summary>Percentiles of a latency sample in milliseconds (nearest rank); null figures when there is no sample.</summary>
internal sealed record LatencySummary(int Count, double? P50, double? P95, double? P99, double? Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, null, null, null, null)
            : new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    public static double Rank(IReadOnlyList<double> sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }
}
