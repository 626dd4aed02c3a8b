using System.Text.Json;
using Checkout.Workflows.Events;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// A message on the webhooks queue: the events of one change (<c>{"events":[...]}</c>, one message per checkout
/// transition however many events it caused), or a single <see cref="MerchantEvent"/> as older publishers sent it.
/// <paramref name="Attempted"/>: the publisher may have made first attempts of these already (it tried delivering them
/// itself, see <see cref="WebhookPublisher"/>), so the fan-out reads which deliveries were recorded before attempting,
/// as for a redelivered message.
/// </summary>
public sealed record MerchantEventBatch(IReadOnlyList<MerchantEvent> Events, bool Attempted = false)
{
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    /// <exception cref="FormatException">Neither shape: retrying cannot help.</exception>
    public static IReadOnlyList<MerchantEvent> Parse(string text) => Read(text).Events;

    /// <exception cref="FormatException">Neither shape: retrying cannot help.</exception>
    public static MerchantEventBatch Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var batch = document.RootElement.TryGetProperty("events", out _)
                ? document.RootElement.Deserialize<MerchantEventBatch>(WorkflowJson.Options)
                : new MerchantEventBatch([document.RootElement.Deserialize<MerchantEvent>(WorkflowJson.Options)!]);
            return batch is { Events: { } events } && events.All(IsComplete) ? batch : throw new FormatException("An event lacks id, merchantId, type or data.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a merchant event message: {ex.Message}", ex);
        }
    }

    private static bool IsComplete(MerchantEvent? e) => e is { Id.Length: > 0, MerchantId.Length: > 0, Type.Length: > 0, Data: not null };
}
