namespace Checkout.Workflows.Webhooks;

/// <summary>Where a delivery stands, as the deliveries API shows it.</summary>
public static class WebhookDeliveryStatus
{
    /// <summary>Not yet delivered; an attempt is queued or scheduled.</summary>
    public const string Pending = "pending";

    public const string Succeeded = "succeeded";

    /// <summary>Retries exhausted, the endpoint answered 410 or is gone, or processing kept failing.</summary>
    public const string Failed = "failed";
}
