using System.Text.Json;
using System.Text.Json.Serialization;

namespace Checkout.Functions.Api;

/// <summary>The JSON shape of every API response: camelCase, nulls left out.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Numbers are numbers: the web defaults would also read "12" as 12.
        NumberHandling = JsonNumberHandling.Strict,
    };
}
