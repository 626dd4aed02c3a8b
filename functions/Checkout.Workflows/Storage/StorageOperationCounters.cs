using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Checkout.Workflows.Storage;

/// <summary>
/// Thread-safe counts of HTTP requests sent to storage, by operation kind ("Queue.SendMessage", "Table.Batch", ...).
/// Every attempt counts under its kind, retries included, because each one costs a storage transaction; retries are
/// also counted under <see cref="RetryKind"/> so the share of repeated attempts stays visible.
/// </summary>
public sealed class StorageOperationCounters
{
    /// <summary>The kind under which each retry (an attempt after the first) is counted in addition to its own kind.</summary>
    public const string RetryKind = "Retry";

    private readonly ConcurrentDictionary<string, StrongBox<long>> _counts = new(StringComparer.Ordinal);

    /// <summary>Requests sent, all kinds, retries included once (the <see cref="RetryKind"/> counter is not added again).</summary>
    public long Total => _counts.Where(p => p.Key != RetryKind).Sum(p => Interlocked.Read(ref p.Value.Value));

    /// <summary>Attempts that were retries.</summary>
    public long Retries => Get(RetryKind);

    public void Increment(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        Interlocked.Increment(ref _counts.GetOrAdd(kind, static _ => new StrongBox<long>()).Value);
    }

    public long Get(string kind) =>
        _counts.TryGetValue(kind, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>A point-in-time copy; kinds that were reset to zero are left out.</summary>
    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var copy = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, box) in _counts)
        {
            var value = Interlocked.Read(ref box.Value);
            if (value != 0)
            {
                copy[kind] = value;
            }
        }

        return copy;
    }

    public void Reset()
    {
        // Zero the boxes rather than clearing the map, so an increment racing with the reset is never lost in a
        // box that has just been removed.
        foreach (var box in _counts.Values)
        {
            Interlocked.Exchange(ref box.Value, 0);
        }
    }

    public override string ToString() =>
        string.Join(", ", Snapshot().Select(p => $"{p.Key}={p.Value}"));
}
