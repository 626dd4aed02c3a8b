using System.Text.Json.Nodes;
using Checkout.Domain.Logistics;

namespace Checkout.Domain.Tests.Logistics;

/// <summary>Builds small carrier files for tests. Every service ships CN → FR (zone "1") and prices in CNY unless told
/// otherwise.</summary>
internal static class TestCarriers
{
    public static JsonObject Service(
        string name,
        string routeType = "passenger_or_postal",
        int? divisor = 6000,
        decimal maxWeightKg = 20m,
        decimal maxLengthCm = 100m,
        decimal? maxLengthPlusGirthCm = null,
        decimal? maxSumOfSidesCm = null,
        int transitMin = 5,
        int transitMax = 10,
        decimal price = 100m,
        string effectiveFrom = "2026-01-01",
        string? effectiveTo = null)
    {
        var limits = new JsonObject { ["maxWeightKg"] = maxWeightKg, ["maxLengthCm"] = maxLengthCm };
        if (maxLengthPlusGirthCm is { } girth)
        {
            limits["maxLengthPlusGirthCm"] = girth;
        }

        if (maxSumOfSidesCm is { } sum)
        {
            limits["maxSumOfSidesCm"] = sum;
        }

        var service = new JsonObject
        {
            ["service"] = name,
            ["origins"] = new JsonArray("CN"),
            ["routeType"] = routeType,
            ["channel"] = routeType == "cargo" ? "courier" : "postal",
            ["weightStepKg"] = 0.5m,
            ["limits"] = limits,
            ["effectiveFrom"] = effectiveFrom,
            ["source"] = "https://example.org/rates",
            ["zones"] = new JsonArray(Zone("1", ["FR"], transitMin, transitMax, (maxWeightKg, price))),
        };
        if (divisor is not null)
        {
            service["volumetricDivisor"] = divisor;
        }

        if (effectiveTo is not null)
        {
            service["effectiveTo"] = effectiveTo;
        }

        return service;
    }

    /// <summary>A zone whose rate card is one band per (upToKg, price) pair.</summary>
    public static JsonObject Zone(string name, string[] countries, int transitMin, int transitMax, params (decimal UpToKg, decimal Price)[] bands) => new()
    {
        ["zone"] = name,
        ["countries"] = new JsonArray(countries.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        ["transitDays"] = new JsonObject { ["min"] = transitMin, ["max"] = transitMax },
        ["bands"] = new JsonArray(bands.Select(b => (JsonNode?)new JsonObject { ["upToKg"] = b.UpToKg, ["price"] = b.Price }).ToArray()),
    };

    public static JsonObject File(string carrier, string currency, params JsonObject[] services) => new()
    {
        ["carrier"] = carrier,
        ["currency"] = currency,
        ["illustrative"] = true,
        ["services"] = new JsonArray(services.Cast<JsonNode?>().ToArray()),
    };

    /// <summary>A planner over the shipped postal-code, dangerous-goods and sanctions files and these carriers only.
    /// </summary>
    public static LogisticsPlanner Planner(params JsonObject[] carrierFiles) =>
        LogisticsPlanner.Load(InMemoryReferenceData.WithCarriers(
            carrierFiles.Select((f, i) => ($"carrier-{i}.json", f.ToJsonString())).ToArray()));
}
