namespace Checkout.Workflows.Webhooks;

/// <summary>
/// One event to one endpoint: the exact body sent on every attempt (so a signature verified once verifies again),
/// its status and every attempt. Ids derive from the event and endpoint, so a repeated fan-out finds the same row.
/// <see cref="AttemptCount"/> is the highest attempt number recorded (what guards the deliveries queue against
/// repeating one); <see cref="AttemptsMade"/> counts every HTTP attempt recorded, duplicates of a number included.
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
    /// <summary>Every HTTP attempt made, duplicates included; rows written before it was kept read as <see cref="AttemptCount"/>.</summary>
    public int AttemptsMade { get; init; }

    /// <summary>The last attempt in number order that is not a duplicate: the one whose schedule stands.</summary>
    public WebhookAttempt? LastAttempt => Attempts.LastOrDefault(a => !a.Duplicate);
}
