using System.Globalization;
using System.Text.Json;
using Checkout.Functions.Hosting.QueueTriggers;

namespace Checkout.Functions.Hosting.CustomHandler;

/// <summary>
/// Reads the host's queue-trigger invocation, <c>{ "Data": { "message": ... }, "Metadata": { "DequeueCount", "Id",
/// "InsertionTime", "PopReceipt", ... } }</c>, into the same <see cref="QueueTriggerMessage"/> the standalone listener
/// builds. The host passes a string trigger value through <c>JsonConvert.SerializeObject</c>, so the text may arrive
/// JSON-quoted once more than it was enqueued; that extra layer is removed.
/// </summary>
public static class QueueInvocationRequest
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <exception cref="FormatException">The body is not an invocation the host would send.</exception>
    public static QueueTriggerMessage Parse(string body, string bindingName)
    {
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            var root = document.RootElement;
            var data = Property(root, "Data") ?? throw new FormatException("The invocation has no Data object.");
            var metadata = Property(root, "Metadata") ?? throw new FormatException("The invocation has no Metadata object.");
            var value = Property(data, bindingName) ?? SingleProperty(data) ?? throw new FormatException($"Data has no '{bindingName}' entry.");
            return new QueueTriggerMessage(
                Text(metadata, "Id") ?? throw new FormatException("Metadata.Id is missing."),
                MessageText(value),
                DequeueCount(metadata),
                Time(metadata, "InsertionTime"),
                Time(metadata, "ExpirationTime"),
                Time(metadata, "NextVisibleTime"),
                Text(metadata, "PopReceipt") ?? string.Empty);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The invocation body is not JSON: " + ex.Message, ex);
        }
    }

    private static string MessageText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Unquote(value.GetString()!),
        // A host that deserialized a JSON message into an object hands it over as one; its text is the message.
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        _ => throw new FormatException($"The trigger value is a JSON {value.ValueKind}, not the message text."),
    };

    private static string Unquote(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
                // Quotes that do not form a JSON string belong to the message itself.
            }
        }

        return text;
    }

    private static long DequeueCount(JsonElement metadata)
    {
        var value = Property(metadata, "DequeueCount") ?? throw new FormatException("Metadata.DequeueCount is missing.");
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count >= 1)
        {
            return count;
        }

        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1)
        {
            return count;
        }

        throw new FormatException("Metadata.DequeueCount must be a positive whole number.");
    }

    private static DateTimeOffset Time(JsonElement metadata, string name) =>
        Text(metadata, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : default;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    // The host writes PascalCase names; matching without regard to case also accepts hand-written payloads.
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    // A function.json written by hand may name its trigger binding differently; a lone Data entry is still the message.
    private static JsonElement? SingleProperty(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.EnumerateObject().Count() == 1 ? data.EnumerateObject().First().Value : null;
}
