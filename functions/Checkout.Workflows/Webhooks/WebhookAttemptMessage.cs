using System.Text.Json;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Webhooks;

/// <summary>A message on the deliveries queue: make attempt <see cref="Attempt"/> of one delivery (the second or a
/// later one, or a manual redelivery; first attempts are the fan-out's). The number guards against duplicates: an
/// attempt the delivery has recorded is not made again from this queue.</summary>
public sealed record WebhookAttemptMessage(string MerchantId, string DeliveryId, int Attempt, bool Manual = false)
{
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    /// <exception cref="FormatException">Not an attempt message: retrying cannot help.</exception>
    public static WebhookAttemptMessage Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<WebhookAttemptMessage>(text, WorkflowJson.Options);
            return message is { MerchantId.Length: > 0, DeliveryId.Length: > 0, Attempt: > 0 }
                ? message
                : throw new FormatException("Attempt message lacks merchantId, deliveryId or a positive attempt.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a webhook attempt message: {ex.Message}", ex);
        }
    }
}
