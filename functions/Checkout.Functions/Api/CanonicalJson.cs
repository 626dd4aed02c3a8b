using System.Text.Json;

namespace Checkout.Functions.Api;

/// <summary>
/// One byte form per JSON meaning, for comparing requests: object members sorted by name (ordinal), no whitespace,
/// strings re-escaped one way, numbers as written. So <c>{"b":1, "a":"x"}</c> and <c>{"a":"x","b":1}</c> are the same
/// request to the idempotency store, and anything that changes a value is not.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical bytes of <paramref name="json"/>, or null when it is not JSON (it is then compared as sent).</summary>
    public static byte[]? TryCanonicalize(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream(json.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(document.RootElement, writer);
            }

            return buffer.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                // A stable sort: members repeated under one name keep their order (and their difference).
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(member.Name);
                    Write(member.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                // Numbers as written (1.0 and 1 stay apart: a decimal amount's scale can matter), true, false, null.
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
        }
    }
}
