using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary>The response shapes of webhook endpoints and deliveries. The secret appears only in the creation and
/// rotation answers.</summary>
internal static class WebhookViews
{
    /// <param name="secret">The plain signing secret, given only for the creation and rotation answers.</param>
    public static Dictionary<string, object?> Endpoint(WebhookEndpoint endpoint, string? secret = null)
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
            ["previousSecretExpiresTime"] = endpoint.PreviousSecret is null ? null : endpoint.PreviousSecretExpiresAt,
        };
        if (secret is not null)
        {
            body["secret"] = secret;
        }

        return body;
    }

    public static Dictionary<string, object?> Delivery(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new Dictionary<string, object?>
        {
            ["id"] = delivery.Id,
            ["endpointId"] = delivery.EndpointId,
            ["eventId"] = delivery.EventId,
            ["eventType"] = delivery.EventType,
            ["webhookId"] = delivery.WebhookId,
            ["status"] = delivery.Status,
            ["attemptCount"] = delivery.AttemptsMade,
            ["nextAttemptTime"] = delivery.Status == WebhookDeliveryStatus.Pending ? delivery.LastAttempt?.NextAttemptAt : null,
            ["lastError"] = delivery.LastError,
            ["createdTime"] = delivery.CreatedAt,
            // In time order: a duplicate attempt is recorded after the one it raced, though it may have started first.
            ["attempts"] = delivery.Attempts.OrderBy(a => a.At).Select(a => new
            {
                attempt = a.Attempt,
                timestamp = a.At,
                statusCode = a.StatusCode,
                durationMs = a.DurationMs,
                error = a.Error,
                nextAttemptTime = a.NextAttemptAt,
                manual = a.Manual,
                duplicate = a.Duplicate,
            }).ToList(),
        };
    }
}
