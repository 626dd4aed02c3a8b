namespace Checkout.Workflows.Webhooks;

/// <summary>What a PATCH changes on an endpoint; a null member is left as it is.</summary>
/// <param name="EventTypes">An empty list means every event type, as at registration.</param>
/// <param name="Enabled">True clears the disabled reason (a 410 Gone or the merchant's); false disables it.</param>
public sealed record WebhookEndpointChanges(Uri? Url = null, IReadOnlyList<string>? EventTypes = null, bool? Enabled = null)
{
    public bool IsEmpty => Url is null && EventTypes is null && Enabled is null;
}
