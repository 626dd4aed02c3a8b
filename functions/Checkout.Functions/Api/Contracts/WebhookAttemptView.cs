using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>One HTTP attempt of a webhook delivery.</summary>
internal sealed record WebhookAttemptView(
    int Attempt,
    DateTimeOffset Timestamp,
    [property: Description("The endpoint's HTTP status; left out when no response arrived.")] int? StatusCode,
    long DurationMs,
    string? Error,
    [property: Description("When the next automatic attempt was scheduled; left out when none followed.")] DateTimeOffset? NextAttemptTime,
    [property: Description("True for a redelivery the merchant asked for.")] bool Manual,
    [property: Description("True for a second HTTP attempt of a number already recorded (two workers at once, or the event arriving again); it schedules nothing.")] bool Duplicate);
