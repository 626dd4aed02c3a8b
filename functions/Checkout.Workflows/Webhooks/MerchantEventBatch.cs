using System.Text.Json;
using Checkout.Workflows.Events;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// A message on the webhooks queue: the events of one checkout transition (<c>{"events":[...]}</c>, one message per
/// transition however many events it caused) or a single <see cref="MerchantEvent"/> as the publisher sends it.
/// </summary>
public sealed record MerchantEventBatch(IReadOnlyList<MerchantEvent> Events)
{
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    /// <exception cref="FormatException">Neither shape: retrying cannot help.</exception>
    public static IReadOnlyList<MerchantEvent> Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var events = document.RootElement.TryGetProperty("events", out _)
                ? document.RootElement.Deserialize<MerchantEventBatch>(WorkflowJson.Options)?.Events
                : [document.RootElement.Deserialize<MerchantEvent>(WorkflowJson.Options)!];
            return events is not null && events.All(IsComplete) ? events : throw new FormatException("An event lacks id, merchantId, type or data.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a merchant event message: {ex.Message}", ex);
        }
    }

    private static bool IsComplete(MerchantEvent? e) => e is { Id.Length: > 0, MerchantId.Length: > 0, Type.Length: > 0, Data: not null };
}
