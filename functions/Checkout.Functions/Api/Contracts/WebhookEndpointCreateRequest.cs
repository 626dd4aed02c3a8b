using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>POST /api/webhook-endpoints</c>.</summary>
[Description("Where to send the merchant's events, and which.")]
internal sealed record WebhookEndpointCreateRequest(
    [property: Description("An absolute http or https URL that answers 2xx to a signed POST; loopback and private-network addresses only in Development.")] string Url,
    [property: Description("The event types to receive (non-empty); left out, every type, including types added later.")] IReadOnlyList<string>? EventTypes = null);
