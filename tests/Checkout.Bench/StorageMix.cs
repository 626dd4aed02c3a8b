using System.Collections.ObjectModel;

namespace Checkout.Bench;

/// <summary>Storage operations per checkout, by kind, as measured from the app's counters over a run.</summary>
internal sealed class StorageMix
{
    private StorageMix(IReadOnlyDictionary<string, double> perCheckout)
    {
        PerCheckout = perCheckout;
    }

    public IReadOnlyDictionary<string, double> PerCheckout { get; }

    public double Total => PerCheckout.Values.Sum();

    /// <summary>The run's operations divided by its checkouts; the "Retry" kind is left out because each retry is already
    /// counted under its own kind.</summary>
    public static StorageMix From(StorageSnapshot operations, int checkouts) => new(new ReadOnlyDictionary<string, double>(
        operations.Operations
            .Where(p => p.Key != "Retry" && p.Value > 0)
            .ToDictionary(p => p.Key, p => (double)p.Value / Math.Max(checkouts, 1), StringComparer.Ordinal)));

    public static StorageMix Of(IReadOnlyDictionary<string, double> perCheckout) =>
        new(new ReadOnlyDictionary<string, double>(perCheckout.ToDictionary(StringComparer.Ordinal)));

    /// <summary>How many operations of <paramref name="kind"/> synthetic checkout <paramref name="index"/> issues: whole
    /// numbers whose running sum tracks the fractional rate exactly (1.4 per checkout gives 1, 2, 1, 2, 1, ...).</summary>
    public int CountFor(string kind, long index)
    {
        var rate = PerCheckout.GetValueOrDefault(kind);
        return (int)(Math.Floor(rate * (index + 1)) - Math.Floor(rate * index));
    }
}
