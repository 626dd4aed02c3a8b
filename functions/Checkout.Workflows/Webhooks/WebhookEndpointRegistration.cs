namespace Checkout.Workflows.Webhooks;

/// <summary>What a merchant registers; the store adds the signing secret (encrypted) to make it a <see cref="WebhookEndpoint"/>.</summary>
public sealed record WebhookEndpointRegistration(string Id, string MerchantId, Uri Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt);
