using Checkout.Functions.Api.Contracts;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary>The response shapes of webhook endpoints and deliveries. The secret appears only in the creation and
/// rotation answers.</summary>
internal static class WebhookViews
{
    /// <param name="secret">The plain signing secret, given only for the creation and rotation answers.</param>
    public static WebhookEndpointView Endpoint(WebhookEndpoint endpoint, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new WebhookEndpointView(
            endpoint.Id,
            endpoint.Url.AbsoluteUri,
            endpoint.EventTypes.Count == 0 ? WebhookEventTypes.All : endpoint.EventTypes,
            endpoint.EventTypes.Count == 0,
            endpoint.Enabled ? "enabled" : "disabled",
            endpoint.DisabledReason,
            endpoint.CreatedAt,
            endpoint.PreviousSecret is null ? null : endpoint.PreviousSecretExpiresAt,
            secret);
    }

    public static WebhookDeliveryView Delivery(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new WebhookDeliveryView(
            delivery.Id,
            delivery.EndpointId,
            delivery.EventId,
            delivery.EventType,
            delivery.WebhookId,
            delivery.Status,
            delivery.AttemptsMade,
            delivery.Status == WebhookDeliveryStatus.Pending ? delivery.LastAttempt?.NextAttemptAt : null,
            delivery.LastError,
            delivery.CreatedAt,
            // In time order: a duplicate attempt is recorded after the one it raced, though it may have started first.
            [.. delivery.Attempts.OrderBy(a => a.At).Select(Attempt)]);
    }

    private static WebhookAttemptView Attempt(WebhookAttempt a) =>
        new(a.Attempt, a.At, a.StatusCode, a.DurationMs, a.Error, a.NextAttemptAt, a.Manual, a.Duplicate);
}
