namespace Checkout.Workflows.Webhooks;

/// <summary>A registered endpoint with its plain signing secret, for the one answer that shows it: its creation.</summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpoint Endpoint, string Secret)
{
    public override string ToString() => $"CreatedWebhookEndpoint {{ Endpoint = {Endpoint} }}";
}
