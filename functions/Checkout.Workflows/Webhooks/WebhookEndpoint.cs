using Checkout.Workflows.Secrets;

namespace Checkout.Workflows.Webhooks;

/// <summary>A merchant's webhook endpoint. An empty <see cref="EventTypes"/> means every event type.</summary>
/// <param name="Secret">The <c>whsec_</c> signing secret as stored (encrypted); revealed only by the sender.</param>
/// <param name="DisabledReason">Null while enabled; set when the endpoint answered 410 Gone or the merchant disabled it.</param>
/// <param name="PreviousSecret">After a rotation, the secret it replaced (encrypted), still signing until
/// <paramref name="PreviousSecretExpiresAt"/>; null when there is none.</param>
public sealed record WebhookEndpoint(
    string Id,
    string MerchantId,
    Uri Url,
    IReadOnlyList<string> EventTypes,
    ProtectedValue Secret,
    DateTimeOffset CreatedAt,
    string? DisabledReason = null,
    ProtectedValue? PreviousSecret = null,
    DateTimeOffset? PreviousSecretExpiresAt = null)
{
    public bool Enabled => DisabledReason is null;

    public bool Wants(string eventType) => EventTypes.Count == 0 || EventTypes.Contains(eventType, StringComparer.Ordinal);

    /// <summary>The previous secret while it still signs at <paramref name="now"/>, else null.</summary>
    public ProtectedValue? PreviousSecretAt(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt is { } expires && now < expires ? PreviousSecret : null;
}
