using System.Text.Json;

namespace Checkout.Bench;

/// <summary>An app instance's storage counters (<c>/api/diagnostics/storage-operations</c>), or a sum or difference of them.</summary>
internal sealed record StorageSnapshot(IReadOnlyDictionary<string, long> Operations)
{
    public static StorageSnapshot Empty { get; } = new(new Dictionary<string, long>());

    /// <summary>Requests sent, retries included once (the "Retry" kind counts them a second time, so it is left out).</summary>
    public long Total => Operations.Where(p => p.Key != "Retry").Sum(p => p.Value);

    public static StorageSnapshot FromJson(JsonElement json) => new(
        json.GetProperty("operations").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal));

    public StorageSnapshot Plus(StorageSnapshot other) => Combine(other, 1);

    public StorageSnapshot Minus(StorageSnapshot other) => Combine(other, -1);

    private StorageSnapshot Combine(StorageSnapshot other, int sign)
    {
        var sum = new SortedDictionary<string, long>(Operations.ToDictionary(), StringComparer.Ordinal);
        foreach (var (kind, count) in other.Operations)
        {
            sum[kind] = sum.GetValueOrDefault(kind) + (sign * count);
        }

        return new StorageSnapshot(sum);
    }
}
