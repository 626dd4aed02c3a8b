using System.Text.Json;
using System.Text.Json.Serialization;

namespace Checkout.Workflows.Serialization;

/// <summary>Writes a validated value type (a currency or country code) as its text, and reads it back through the
/// type's own validating constructor, also as a dictionary key.</summary>
internal sealed class TextValueJsonConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        parse(reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} cannot be null."));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(format(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(format(value));
}
