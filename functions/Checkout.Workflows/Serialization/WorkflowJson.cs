using System.Text.Json;
using System.Text.Json.Serialization;

namespace Checkout.Workflows.Serialization;

/// <summary>The one JSON shape for persisted checkout state and queue messages: camelCase, enums as strings,
/// domain value types as their natural text.</summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new CurrencyCodeJsonConverter());
        options.Converters.Add(new CountryCodeJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
