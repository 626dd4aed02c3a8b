using System.Globalization;
using System.Text.Json;

namespace Checkout.Storage.Tables;

/// <summary>
/// The Table service's JSON entity format (OData v3, minimal metadata). Types JSON cannot tell apart carry an
/// <c>"Name@odata.type"</c> annotation: Edm.Int64 travels as a string so no JSON reader loses digits, Edm.Double is
/// always annotated so a whole number (5.0) reads back as a double and NaN/Infinity can travel as strings.
/// </summary>
internal static class TableEntityJson
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(TableSystemProperties.PartitionKey, entity.PartitionKey);
            writer.WriteString(TableSystemProperties.RowKey, entity.RowKey);
            foreach (var (name, value) in entity.Properties)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static TableEntity Deserialize(JsonElement json)
    {
        var entity = new TableEntity();
        foreach (var property in json.EnumerateObject())
        {
            ReadProperty(entity, json, property);
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case int number:
                writer.WriteNumber(name, number);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case double number:
                WriteAnnotation(writer, name, EdmType.Double);
                WriteDouble(writer, name, number);
                break;
            default:
                WriteAnnotation(writer, name, EdmType.Of(value));
                writer.WriteString(name, FormatAsString(value));
                break;
        }
    }

    private static void WriteAnnotation(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + TableSystemProperties.TypeAnnotationSuffix, edmType);

    private static void WriteDouble(Utf8JsonWriter writer, string name, double number)
    {
        if (double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
            return;
        }

        // JSON has no NaN or Infinity; OData spells them as these strings.
        writer.WriteString(name, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
    }

    private static string FormatAsString(object value) => value switch
    {
        long number => number.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset time => FormatDateTime(time),
        Guid guid => guid.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        _ => throw new ArgumentException($"Unsupported property type {value.GetType().Name}.", nameof(value)),
    };

    internal static string FormatDateTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static void ReadProperty(TableEntity entity, JsonElement json, JsonProperty property)
    {
        var name = property.Name;
        switch (name)
        {
            case TableSystemProperties.PartitionKey:
                entity.PartitionKey = property.Value.GetString() ?? string.Empty;
                return;
            case TableSystemProperties.RowKey:
                entity.RowKey = property.Value.GetString() ?? string.Empty;
                return;
            case TableSystemProperties.Timestamp:
                entity.Timestamp = ParseDateTime(property.Value.GetString());
                return;
            case TableSystemProperties.ODataEtag:
                entity.ETag = new ETag(property.Value.GetString() ?? string.Empty);
                return;
        }

        // Annotations are read with the property they describe; other "odata." names are response metadata.
        if (name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal)
            || property.Value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var edmType = json.TryGetProperty(name + TableSystemProperties.TypeAnnotationSuffix, out var annotation)
            ? annotation.GetString()
            : null;
        entity[name] = ReadValue(name, property.Value, edmType);
    }

    private static object ReadValue(string name, JsonElement value, string? edmType) => edmType switch
    {
        null => ReadUntyped(name, value),
        EdmType.String => value.GetString()!,
        EdmType.Boolean => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
        EdmType.Int32 => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
        EdmType.Int64 => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
        EdmType.Double => value.ValueKind == JsonValueKind.String ? ParseDouble(value.GetString()!) : value.GetDouble(),
        EdmType.DateTime => ParseDateTime(value.GetString()),
        EdmType.Guid => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        EdmType.Binary => Convert.FromBase64String(value.GetString()!),
        _ => throw new FormatException($"Property '{name}' has unknown type annotation '{edmType}'."),
    };

    /// <summary>
    /// The service annotates only types JSON cannot express, so an unannotated number is an Edm.Int32 when it is
    /// written as an integer that fits, and otherwise a double (the service never writes Int64 unannotated).
    /// </summary>
    private static object ReadUntyped(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt32(out var small) ? (object)small : value.GetDouble(),
        _ => throw new FormatException($"Property '{name}' holds a JSON {value.ValueKind}, which no Table service type maps to."),
    };

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset ParseDateTime(string? text) => DateTimeOffset.Parse(
        text ?? throw new FormatException("An Edm.DateTime value is null."),
        CultureInfo.InvariantCulture,
        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
