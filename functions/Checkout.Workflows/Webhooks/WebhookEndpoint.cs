using Checkout.Workflows.Secrets;

namespace Checkout.Workflows.Webhooks;

/// <summary>A merchant's webhook endpoint. An empty <see cref="EventTypes"/> means every event type.</summary>
/// <param name="Secret">The <c>whsec_</c> signing secret as stored (encrypted); revealed only by the sender.</param>
/// <param name="DisabledReason">Null while enabled; set when the endpoint answered 410 Gone.</param>
public sealed record WebhookEndpoint(
    string Id,
    string MerchantId,
    Uri Url,
    IReadOnlyList<string> EventTypes,
    ProtectedValue Secret,
    DateTimeOffset CreatedAt,
    string? DisabledReason = null)
{
    public bool Enabled => DisabledReason is null;

    public bool Wants(string eventType) => EventTypes.Count == 0 || EventTypes.Contains(eventType, StringComparer.Ordinal);
}
