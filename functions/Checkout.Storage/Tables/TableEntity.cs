using System.Globalization;

namespace Checkout.Storage.Tables;

/// <summary>
/// A table row as a property bag, shaped like <c>Azure.Data.Tables.TableEntity</c>. Keys, ETag and Timestamp are
/// properties; everything else is a custom property reached through the indexer and the typed getters.
/// Values are restricted to the Table service's types so that a wrong type fails where it is set, not on the wire:
/// string, int (Edm.Int32), long (Edm.Int64), double, bool, Guid, byte[] (Edm.Binary), and DateTimeOffset or a
/// UTC/local DateTime (Edm.DateTime, kept as UTC). Setting a property to <see langword="null"/> removes it.
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity()
        : this(string.Empty, string.Empty)
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey ?? throw new ArgumentNullException(nameof(partitionKey));
        RowKey = rowKey ?? throw new ArgumentNullException(nameof(rowKey));
    }

    public string PartitionKey { get; set; }

    public string RowKey { get; set; }

    /// <summary>The version read from the service (<c>odata.etag</c>); never sent, pass it as If-Match explicitly.</summary>
    public ETag? ETag { get; set; }

    /// <summary>The service's last-modified time; ignored on writes because the service owns it.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The names of the custom properties (not PartitionKey, RowKey, Timestamp or ETag).</summary>
    public IReadOnlyCollection<string> Keys => _properties.Keys;

    /// <summary>The number of custom properties.</summary>
    public int Count => _properties.Count;

    internal IEnumerable<KeyValuePair<string, object>> Properties => _properties;

    /// <summary>A custom property, or PartitionKey/RowKey/Timestamp by those names; null when absent.</summary>
    public object? this[string key]
    {
        get => key switch
        {
            TableSystemProperties.PartitionKey => PartitionKey,
            TableSystemProperties.RowKey => RowKey,
            TableSystemProperties.Timestamp => Timestamp,
            _ => _properties.GetValueOrDefault(key),
        };
        set => Set(key, value);
    }

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public string? GetString(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        string text => text,
        var other => throw WrongType(key, other, typeof(string)),
    };

    public int? GetInt32(string key) => Get<int>(key);

    /// <summary>Edm.Int64; an Edm.Int32 value widens, since other clients write small numbers without a type.</summary>
    public long? GetInt64(string key) => _properties.GetValueOrDefault(key) switch
    {
        int i => i,
        _ => Get<long>(key),
    };

    /// <summary>Edm.Double; integer values widen, since a client may write a whole-number double without a type.</summary>
    public double? GetDouble(string key) => _properties.GetValueOrDefault(key) switch
    {
        int i => i,
        long l => l,
        _ => Get<double>(key),
    };

    public bool? GetBoolean(string key) => Get<bool>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => Get<DateTimeOffset>(key);

    public Guid? GetGuid(string key) => Get<Guid>(key);

    public byte[]? GetBinary(string key) => _properties.GetValueOrDefault(key) switch
    {
        null => null,
        byte[] bytes => bytes,
        var other => throw WrongType(key, other, typeof(byte[])),
    };

    private T? Get<T>(string key)
        where T : struct => _properties.GetValueOrDefault(key) switch
        {
            null => null,
            T value => value,
            var other => throw WrongType(key, other, typeof(T)),
        };

    private void Set(string key, object? value)
    {
        switch (key)
        {
            case TableSystemProperties.PartitionKey:
                PartitionKey = value as string ?? throw new ArgumentException("PartitionKey must be a string.", nameof(key));
                return;
            case TableSystemProperties.RowKey:
                RowKey = value as string ?? throw new ArgumentException("RowKey must be a string.", nameof(key));
                return;
        }

        TableSystemProperties.ValidateCustomName(key);
        if (value is null)
        {
            _properties.Remove(key);
            return;
        }

        _properties[key] = Normalize(key, value);
    }

    private static object Normalize(string key, object value) => value switch
    {
        string or int or long or double or bool or Guid or byte[] => value,
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Unspecified } => throw new ArgumentException(
            $"Property '{key}': a DateTime of unspecified kind is ambiguous; use DateTimeOffset or a UTC DateTime.", nameof(value)),
        DateTime dt => new DateTimeOffset(dt.ToUniversalTime()),
        _ => throw new ArgumentException(
            $"Property '{key}': type {value.GetType().Name} has no Table service type (use string, int, long, double, bool, DateTimeOffset, Guid or byte[]).",
            nameof(value)),
    };

    private static InvalidOperationException WrongType(string key, object value, Type wanted) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Property '{key}' holds a {value.GetType().Name}, not a {wanted.Name}."));
}
