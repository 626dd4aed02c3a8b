using System.Text.Json;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary>Reads <c>{ "url", "eventTypes" }</c> (create) or any of <c>{ "url", "eventTypes", "enabled" }</c> (PATCH),
/// naming every unknown field (400) or else every bad one (422); the URL must pass <see cref="WebhookUrlPolicy"/>.</summary>
internal static class WebhookEndpointRequestParser
{
    public const int MaxUrlLength = 2048;

    public static (Uri? Url, IReadOnlyList<string> EventTypes, ApiResponse? Problem) Parse(JsonElement root, WebhookUrlPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var reader = new FieldReader(root);
        var url = ParseUrl(reader, root, policy);
        var types = ParseEventTypes(reader, root);
        return reader.Problem() is { } problem ? (null, [], problem) : (url, types, null);
    }

    /// <summary>A PATCH body: each field left out stays as it is; <c>"eventTypes": null</c> subscribes to every event
    /// type again (as leaving it out does at creation); <c>{}</c> changes nothing.</summary>
    public static (WebhookEndpointChanges? Changes, ApiResponse? Problem) ParseChanges(JsonElement root, WebhookUrlPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var reader = new FieldReader(root);
        var url = root.TryGetProperty("url", out _) ? ParseUrl(reader, root, policy) : null;
        var types = root.TryGetProperty("eventTypes", out _) ? ParseEventTypes(reader, root) : null;
        var enabled = ParseEnabled(reader, root);
        return reader.Problem() is { } problem ? (null, problem) : (new WebhookEndpointChanges(url, types, enabled), null);
    }

    private static bool? ParseEnabled(FieldReader reader, JsonElement root)
    {
        if (!root.TryGetProperty("enabled", out var element))
        {
            return null;
        }

        _ = reader.Value(root, "enabled", "#");
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            reader.Fail("#/enabled", "Must be true or false.");
            return null;
        }

        return element.GetBoolean();
    }

    private static Uri? ParseUrl(FieldReader reader, JsonElement root, WebhookUrlPolicy policy)
    {
        var text = reader.String(root, "url", "#", MaxUrlLength);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            reader.Fail("#/url", "Must be an absolute http or https URL.");
            return null;
        }

        var refusal = policy.Check(url);
        if (refusal is not null)
        {
            reader.Fail("#/url", refusal);
            return null;
        }

        return url;
    }

    /// <summary>Left out (or null) means every event type; an explicit empty list is refused as probably a mistake.</summary>
    private static List<string> ParseEventTypes(FieldReader reader, JsonElement root)
    {
        if (reader.Value(root, "eventTypes", "#") is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            reader.Fail("#/eventTypes", "Must be a non-empty array of event types, or left out for every event type.");
            return [];
        }

        var types = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var type = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (type is null || !WebhookEventTypes.IsKnown(type))
            {
                reader.Fail($"#/eventTypes/{index}", $"Must be one of: {string.Join(", ", WebhookEventTypes.All)}.");
            }
            else if (!types.Contains(type, StringComparer.Ordinal))
            {
                types.Add(type);
            }

            index++;
        }

        return types;
    }
}
