using System.Text.Json;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>Typed access to the fields of a JSON reference data file, failing with the file, entry and field name
/// rather than a bare <see cref="JsonException"/> or <see cref="KeyNotFoundException"/>.</summary>
internal static class JsonFields
{
    public static JsonDocument Load(Stream json, string file)
    {
        try
        {
            var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document
                : throw new ReferenceDataException(file, "(root)", "the root is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ReferenceDataException(file, "(document)", $"not valid JSON: {e.Message}", e);
        }
    }

    public static JsonElement.ArrayEnumerator Array(JsonElement owner, string name, string file, string entry) =>
        Field(owner, name, JsonValueKind.Array, file, entry).EnumerateArray();

    public static string String(JsonElement owner, string name, string file, string entry)
    {
        var value = Field(owner, name, JsonValueKind.String, file, entry).GetString();
        return string.IsNullOrWhiteSpace(value)
            ? throw new ReferenceDataException(file, entry, $"'{name}' is empty")
            : value;
    }

    public static decimal Decimal(JsonElement owner, string name, string file, string entry) =>
        Field(owner, name, JsonValueKind.Number, file, entry).TryGetDecimal(out var value)
            ? value
            : throw new ReferenceDataException(file, entry, $"'{name}' is out of range for a decimal");

    public static int Int32(JsonElement owner, string name, string file, string entry) =>
        Field(owner, name, JsonValueKind.Number, file, entry).TryGetInt32(out var value)
            ? value
            : throw new ReferenceDataException(file, entry, $"'{name}' is not a whole number");

    private static JsonElement Field(JsonElement owner, string name, JsonValueKind kind, string file, string entry)
    {
        if (owner.ValueKind != JsonValueKind.Object)
        {
            throw new ReferenceDataException(file, entry, "the entry is not a JSON object");
        }

        if (!owner.TryGetProperty(name, out var value))
        {
            throw new ReferenceDataException(file, entry, $"'{name}' is missing");
        }

        return value.ValueKind == kind
            ? value
            : throw new ReferenceDataException(file, entry, $"'{name}' is {value.ValueKind}, expected {kind}");
    }
}
