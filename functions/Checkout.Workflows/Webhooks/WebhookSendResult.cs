namespace Checkout.Workflows.Webhooks;

/// <summary>The outcome of one HTTP attempt: any 2xx succeeds; 410 Gone disables the endpoint; anything else is retried.</summary>
public sealed record WebhookSendResult(int? StatusCode, long DurationMs, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public bool Gone => StatusCode == 410;
}
