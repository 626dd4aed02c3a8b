namespace Checkout.Workflows.Webhooks;

/// <summary>
/// One HTTP attempt made and what it decides for its delivery (status, next attempt), not yet recorded anywhere:
/// the fan-out writes first attempts into new rows in batches, the deliveries queue records later ones on the row
/// under its ETag, and both apply it to the delivery the same way.
/// </summary>
internal sealed record WebhookAttemptOutcome(WebhookAttempt Attempt, string Status, WebhookSendResult Result)
{
    /// <summary>The delivery with this attempt recorded as its next one.</summary>
    public WebhookDelivery AppliedTo(WebhookDelivery delivery) => delivery with
    {
        Status = Status,
        AttemptCount = Attempt.Attempt,
        Attempts = [.. delivery.Attempts, Attempt],
        AttemptsMade = delivery.AttemptsMade + 1,
        LastError = Result.Succeeded ? null : Result.Error ?? $"HTTP {Result.StatusCode}",
    };

    /// <summary>The delivery with this attempt recorded as a duplicate of a number it has already: logged, as every
    /// HTTP attempt is, scheduling nothing, and turning the delivery to succeeded only when it succeeded.</summary>
    public WebhookDelivery AppliedAsDuplicateTo(WebhookDelivery delivery) => delivery with
    {
        Status = Result.Succeeded ? WebhookDeliveryStatus.Succeeded : delivery.Status,
        Attempts = [.. delivery.Attempts, Attempt with { NextAttemptAt = null, Duplicate = true }],
        AttemptsMade = delivery.AttemptsMade + 1,
        LastError = Result.Succeeded ? null : delivery.LastError,
    };
}
