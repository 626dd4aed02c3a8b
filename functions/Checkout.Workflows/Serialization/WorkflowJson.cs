using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { MoneyWithoutWhatIsReadOffIt } };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>An amount is written as its amount and currency only. <see cref="Money.IsZero"/> and
    /// <see cref="Money.IsNegative"/> are read off those, and written they were about a third of every amount's bytes
    /// in the engine's histories and the read model. Rows and messages written with them still read.</summary>
    private static void MoneyWithoutWhatIsReadOffIt(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(Money))
        {
            return;
        }

        foreach (var computed in typeInfo.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToList())
        {
            typeInfo.Properties.Remove(computed);
        }
    }
}
