namespace Checkout.Storage;

/// <summary>An entity or resource version as the service returns it; compared ordinally, sent verbatim in If-Match.</summary>
public readonly record struct ETag(string Value)
{
    /// <summary>Matches any version: unconditional update or delete.</summary>
    public static ETag All { get; } = new("*");

    public override string ToString() => Value ?? string.Empty;
}
