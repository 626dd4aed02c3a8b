using System.Text.Json;

namespace Checkout.Storage.Tables;

/// <summary>
/// Packs the service's NextPartitionKey/NextRowKey pair into one opaque string for HTTP list APIs. The format is the
/// one the Azure SDK for JavaScript uses (base64 of <c>{"nextPartitionKey":..,"nextRowKey":..}</c>), so a token from
/// either client resumes a query in the other. Callers must URL-encode it when putting it in a query string.
/// </summary>
internal static class TableContinuationToken
{
    private const string PartitionKeyName = "nextPartitionKey";
    private const string RowKeyName = "nextRowKey";

    public static string? Encode(string? nextPartitionKey, string? nextRowKey)
    {
        if (string.IsNullOrEmpty(nextPartitionKey))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(PartitionKeyName, nextPartitionKey);
            if (!string.IsNullOrEmpty(nextRowKey))
            {
                writer.WriteString(RowKeyName, nextRowKey);
            }

            writer.WriteEndObject();
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    public static (string NextPartitionKey, string? NextRowKey) Decode(string token)
    {
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(token));
            var partitionKey = json.RootElement.GetProperty(PartitionKeyName).GetString();
            var rowKey = json.RootElement.TryGetProperty(RowKeyName, out var row) ? row.GetString() : null;
            return (partitionKey ?? throw new FormatException("nextPartitionKey is null."), rowKey);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ArgumentException("The continuation token is not one this client or the Azure SDK issued.", nameof(token), e);
        }
    }
}
