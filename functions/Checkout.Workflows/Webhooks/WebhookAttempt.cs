namespace Checkout.Workflows.Webhooks;

/// <summary>One HTTP attempt of a delivery, as recorded and listed.</summary>
/// <param name="StatusCode">Null when no response arrived (refused, timed out, connection failed).</param>
/// <param name="NextAttemptAt">When the next automatic attempt is due; null when none follows.</param>
/// <param name="Manual">True for a redelivery the merchant asked for.</param>
public sealed record WebhookAttempt(
    int Attempt, DateTimeOffset At, int? StatusCode, long DurationMs, string? Error, DateTimeOffset? NextAttemptAt, bool Manual);
