using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>PATCH /api/webhook-endpoints/{id}</c>: any of the fields; one left out stays as it is.</summary>
[Description("Any of the fields; one left out stays as it is, and {} changes nothing.")]
internal sealed record WebhookEndpointUpdateRequest(
    [property: Description("A new http(s) URL, checked as at registration.")] string? Url = null,
    [property: Description("The event types to receive (non-empty); null subscribes to every type again.")] IReadOnlyList<string>? EventTypes = null,
    [property: Description("true re-enables an endpoint disabled by a 410 Gone or by the merchant; false disables it.")] bool? Enabled = null);
