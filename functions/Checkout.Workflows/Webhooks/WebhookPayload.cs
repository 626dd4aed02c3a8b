using System.Text.Json;
using System.Text.Json.Nodes;
using Checkout.Workflows.Events;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Webhooks;

/// <summary>The body a webhook endpoint receives: <c>{ "type", "timestamp", "livemode", "data" }</c>, the timestamp in UTC
/// ISO 8601, <c>livemode</c> false while a sandbox runs (<see cref="Providers.ProviderMode"/>).</summary>
public static class WebhookPayload
{
    public static byte[] Serialize(MerchantEvent merchantEvent, bool livemode)
    {
        ArgumentNullException.ThrowIfNull(merchantEvent);
        var body = new JsonObject
        {
            ["type"] = merchantEvent.Type,
            ["timestamp"] = merchantEvent.Timestamp.UtcDateTime,
            ["livemode"] = livemode,
            ["data"] = merchantEvent.Data.DeepClone(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(body, WorkflowJson.Options);
    }
}
