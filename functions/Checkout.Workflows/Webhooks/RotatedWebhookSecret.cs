namespace Checkout.Workflows.Webhooks;

/// <summary>An endpoint just given a new signing secret, with that secret in plain for the one answer that shows it.</summary>
public sealed record RotatedWebhookSecret(WebhookEndpoint Endpoint, string Secret)
{
    public override string ToString() => $"RotatedWebhookSecret {{ Endpoint = {Endpoint} }}";
}
