using System.Text.Json;
using System.Text.Json.Serialization;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;

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
        options.Converters.Add(new TextValueJsonConverter<CurrencyCode>(text => new CurrencyCode(text), code => code.Value));
        options.Converters.Add(new TextValueJsonConverter<CountryCode>(text => new CountryCode(text), code => code.Value));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
