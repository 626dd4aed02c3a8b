namespace Checkout.Workflows.Webhooks;

/// <summary>One HTTP attempt of a delivery, as recorded and listed.</summary>
/// <param name="StatusCode">Null when no response arrived (refused, timed out, connection failed).</param>
/// <param name="NextAttemptAt">When the next automatic attempt is due; null when none follows.</param>
/// <param name="Manual">True for a redelivery the merchant asked for.</param>
/// <param name="Duplicate">True for a second HTTP attempt of a number already recorded: two workers made the same
/// attempt at once (a queue message redelivered while its first worker was still sending), or the fan-out made a
/// first attempt again because the event came again in another message. It is logged, as every attempt made is, but
/// schedules nothing.</param>
public sealed record WebhookAttempt(
    int Attempt, DateTimeOffset At, int? StatusCode, long DurationMs, string? Error, DateTimeOffset? NextAttemptAt, bool Manual, bool Duplicate = false);
