namespace Checkout.Storage.Tables;

/// <summary>
/// The Table service's entity limits, checked before sending so that a bad entity fails with an ArgumentException
/// naming the problem instead of a 400 from the service (or, on Azurite, silent acceptance of data Azure would refuse).
/// Sizes are in UTF-16 code units because the service measures strings as UTF-16.
/// </summary>
internal static class TableEntityLimits
{
    /// <summary>1 KiB of UTF-16.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    public const int MaxBinaryLength = 64 * 1024;

    /// <summary>255 properties including PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxCustomProperties = 252;

    /// <summary>1 MiB, measured with the service's formula (<see cref="ServiceSize"/>).</summary>
    public const int MaxEntitySize = 1024 * 1024;

    /// <summary>Edm.DateTime starts at 1601-01-01 UTC (the Windows file-time epoch).</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly char[] ForbiddenKeyChars = ['/', '\\', '#', '?'];

    public static void ValidateForWrite(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(entity.RowKey));
        if (entity.Count > MaxCustomProperties)
        {
            throw new ArgumentException($"An entity holds at most {MaxCustomProperties} custom properties; this one has {entity.Count}.", nameof(entity));
        }

        foreach (var (name, value) in entity.Properties)
        {
            ValidateValue(name, value);
        }

        var size = ServiceSize(entity);
        if (size > MaxEntitySize)
        {
            throw new ArgumentException($"The entity measures {size} bytes by the service's formula; the limit is {MaxEntitySize}.", nameof(entity));
        }
    }

    /// <summary>
    /// The size the service charges against the 1 MiB entity limit: 4 + 2 per key character, then per property
    /// 8 + 2 per name character + the value (strings 4 + 2 per character, binary 4 + length, fixed-size types their
    /// width). Learn, "Understanding the Table service data model", Entity size.
    /// </summary>
    public static long ServiceSize(TableEntity entity)
    {
        long size = 4 + (2L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in entity.Properties)
        {
            size += 8 + (2L * name.Length) + value switch
            {
                string text => 4 + (2L * text.Length),
                byte[] bytes => 4 + bytes.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }

    public static void ValidateKeys(string partitionKey, string rowKey)
    {
        ValidateKey(partitionKey, nameof(partitionKey));
        ValidateKey(rowKey, nameof(rowKey));
    }

    private static void ValidateKey(string key, string name)
    {
        ArgumentNullException.ThrowIfNull(key, name);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{name} is {key.Length} characters; the limit is {MaxKeyLength} (1 KiB of UTF-16).", name);
        }

        if (key.IndexOfAny(ForbiddenKeyChars) >= 0 || key.Any(char.IsControl))
        {
            throw new ArgumentException($"{name} must not contain '/', '\\', '#', '?' or control characters.", name);
        }
    }

    private static void ValidateValue(string name, object value)
    {
        var problem = value switch
        {
            string s when s.Length > MaxStringLength => $"is {s.Length} characters; the limit is {MaxStringLength} (64 KiB of UTF-16)",
            byte[] b when b.Length > MaxBinaryLength => $"is {b.Length} bytes; the limit is {MaxBinaryLength}",
            DateTimeOffset d when d < MinDateTime => "is before 1601-01-01T00:00:00Z, the earliest Edm.DateTime",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"Property '{name}' {problem}.", nameof(value));
        }
    }
}
