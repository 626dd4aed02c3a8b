using System.Text.Json;

namespace Checkout.Workflows.Storage;

/// <summary>
/// The opaque continuation token this app's list APIs hand out: base64 of <c>{"nextPartitionKey":..,"nextRowKey":..}</c>
/// (the form the Azure SDK for JavaScript uses, and the one these APIs have always issued). The .NET SDK's own token is
/// the two keys joined by a space, which accepts any text as a partition key; this form lets a foreign or damaged token
/// be refused as bad input instead of silently resuming somewhere else.
/// </summary>
public static class ListContinuationToken
{
    private const string PartitionKeyName = "nextPartitionKey";
    private const string RowKeyName = "nextRowKey";

    /// <summary>The list token for the SDK's page token; null when there is no next page.</summary>
    public static string? FromSdk(string? sdkToken)
    {
        if (string.IsNullOrEmpty(sdkToken))
        {
            return null;
        }

        var space = sdkToken.IndexOf(' ', StringComparison.Ordinal);
        var partitionKey = space < 0 ? sdkToken : sdkToken[..space];
        var rowKey = space < 0 ? null : sdkToken[(space + 1)..];
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(PartitionKeyName, partitionKey);
            if (!string.IsNullOrEmpty(rowKey))
            {
                writer.WriteString(RowKeyName, rowKey);
            }

            writer.WriteEndObject();
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>The SDK's page token for a list token; null for null.</summary>
    /// <exception cref="ArgumentException">Not a token these lists issued.</exception>
    public static string? ToSdk(string? listToken)
    {
        if (listToken is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(listToken));
            var partitionKey = json.RootElement.GetProperty(PartitionKeyName).GetString();
            var rowKey = json.RootElement.TryGetProperty(RowKeyName, out var row) ? row.GetString() : null;
            if (string.IsNullOrEmpty(partitionKey) || partitionKey.Contains(' ', StringComparison.Ordinal) || rowKey?.Contains(' ', StringComparison.Ordinal) == true)
            {
                throw new FormatException("nextPartitionKey is missing or malformed.");
            }

            return rowKey is null ? partitionKey : $"{partitionKey} {rowKey}";
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ArgumentException("The continuation token is not one this list issued.", nameof(listToken), e);
        }
    }
}
