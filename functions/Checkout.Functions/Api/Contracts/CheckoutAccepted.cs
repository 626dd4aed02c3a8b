using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The 202 answer to a start, confirm, cancel or payment retry: where to poll and what can be done next.</summary>
[Description("A checkout accepted for processing, with its management URIs (Durable's check-status payload).")]
internal sealed record CheckoutAccepted(
    [property: Description("The checkout id.")] string Id,
    [property: Description("The checkout status; see CheckoutStatusView.status.")] string Status,
    [property: Description("GET this URI for the status; also sent as Location.")] string StatusQueryGetUri,
    [property: Description("POST {\"quoteId\"} here to confirm the landed cost.")] string ConfirmPostUri,
    [property: Description("POST {\"reason\"} here to cancel.")] string CancelPostUri);
