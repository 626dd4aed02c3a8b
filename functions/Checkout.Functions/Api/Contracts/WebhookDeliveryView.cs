using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>One event's delivery to one endpoint, with every HTTP attempt made.</summary>
[Description("One event's delivery to one endpoint, with every HTTP attempt in time order.")]
internal sealed record WebhookDeliveryView(
    string Id,
    string EndpointId,
    string EventId,
    string EventType,
    [property: Description("The webhook-id header: the same for every attempt of the event.")] string WebhookId,
    [property: Description("pending, succeeded or failed.")] string Status,
    [property: Description("Every HTTP attempt made, duplicates included.")] int AttemptCount,
    [property: Description("While pending: when the next automatic attempt is due.")] DateTimeOffset? NextAttemptTime,
    string? LastError,
    DateTimeOffset CreatedTime,
    IReadOnlyList<WebhookAttemptView> Attempts);
