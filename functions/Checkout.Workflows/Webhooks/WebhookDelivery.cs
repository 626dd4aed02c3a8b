namespace Checkout.Workflows.Webhooks;

/// <summary>
/// One event to one endpoint: the exact body sent on every attempt (so a signature verified once verifies again),
/// its status and every attempt. Ids derive from the event and endpoint, so a repeated fan-out finds the same row.
/// </summary>
public sealed record WebhookDelivery(
    string Id,
    string MerchantId,
    string EndpointId,
    string EventId,
    string EventType,
    string WebhookId,
    byte[] Payload,
    DateTimeOffset CreatedAt,
    string Status,
    int AttemptCount,
    IReadOnlyList<WebhookAttempt> Attempts,
    string? LastError = null)
{
    public WebhookAttempt? LastAttempt => Attempts.Count == 0 ? null : Attempts[^1];
}
