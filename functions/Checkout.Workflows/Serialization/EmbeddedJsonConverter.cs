using System.Text.Json;
using System.Text.Json.Serialization;

namespace Checkout.Workflows.Serialization;

/// <summary>
/// For a property that holds JSON text (such as a step's events as <c>CheckoutJson.WriteEvents</c> wrote them): writes
/// that JSON in place rather than as a string of it, whose every quote would otherwise be escaped, as <c>\u0022</c>,
/// and escaped again by each layer it is stored in. Reads it back as the same text; a string, as such properties were
/// written before, reads as its value.
/// </summary>
public sealed class EmbeddedJsonConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value);
    }
}
