using System.Text.Json;
using System.Text.Json.Serialization;
using Checkout.Domain.Monetary;

namespace Checkout.Workflows.Serialization;

internal sealed class CurrencyCodeJsonConverter : JsonConverter<CurrencyCode>
{
    public override CurrencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A currency code cannot be null."));

    public override void Write(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override CurrencyCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}
