using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>A webhook endpoint as the API shows it; <see cref="Secret"/> only in the creation and rotation answers.</summary>
[Description("A webhook endpoint. The signing secret appears only in the answers that create or rotate it.")]
internal sealed record WebhookEndpointView(
    string Id,
    string Url,
    [property: Description("The event types sent to it; every type when allEventTypes.")] IReadOnlyList<string> EventTypes,
    [property: Description("True when no types were chosen: every type is sent, including types added later.")] bool AllEventTypes,
    [property: Description("enabled or disabled.")] string Status,
    [property: Description("Why and when it was disabled (a 410 Gone answer, or the merchant).")] string? DisabledReason,
    DateTimeOffset CreatedTime,
    [property: Description("While a rotation's previous secret still signs beside the new one: when it stops.")] DateTimeOffset? PreviousSecretExpiresTime,
    [property: Description("The signing secret (whsec_...), shown once: on creation and on rotation.")] string? Secret = null);
