namespace Checkout.Storage.Tables;

/// <summary>Names the service owns in an entity's JSON, and the rule that keeps custom names clear of them.</summary>
internal static class TableSystemProperties
{
    public const string PartitionKey = "PartitionKey";
    public const string RowKey = "RowKey";
    public const string Timestamp = "Timestamp";
    public const string ODataEtag = "odata.etag";
    public const string TypeAnnotationSuffix = "@odata.type";

    /// <summary>The service limit on property name length.</summary>
    public const int MaxNameLength = 255;

    public static void ValidateCustomName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is PartitionKey or RowKey or Timestamp)
        {
            throw new ArgumentException($"'{name}' is a system property; Timestamp is set by the service.", nameof(name));
        }

        // '@' would collide with the "@odata.type" annotations and "odata." with the service's own metadata.
        if (name.Length > MaxNameLength || name.Contains('@', StringComparison.Ordinal)
            || name.StartsWith("odata.", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Property name '{name}' is not allowed: at most {MaxNameLength} characters, no '@', no 'odata.' prefix.", nameof(name));
        }
    }
}
