using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary>The response shapes of webhook endpoints and deliveries. The secret appears only in the creation answer.</summary>
internal static class WebhookViews
{
    public static Dictionary<string, object?> Endpoint(WebhookEndpoint endpoint, bool withSecret = false)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var body = new Dictionary<string, object?>
        {
            ["id"] = endpoint.Id,
            ["url"] = endpoint.Url.AbsoluteUri,
            ["eventTypes"] = endpoint.EventTypes.Count == 0 ? WebhookEventTypes.All : endpoint.EventTypes,
            ["allEventTypes"] = endpoint.EventTypes.Count == 0,
            ["status"] = endpoint.Enabled ? "enabled" : "disabled",
            ["disabledReason"] = endpoint.DisabledReason,
            ["createdTime"] = endpoint.CreatedAt,
        };
        if (withSecret)
        {
            body["secret"] = endpoint.Secret;
        }

        return body;
    }
}
