using System.Text.Json.Serialization;

namespace Checkout.Workflows.Orchestration;

/// <summary>The orchestration's custom status: where the checkout is, as the status API names it, and the quote the
/// buyer is asked to confirm (what Durable's own status query and the operators' tools show). Names are fixed here,
/// as the status API spells them, whatever JSON options the host's data converter uses.</summary>
public sealed record CheckoutProgress(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("quoteId")] string? QuoteId,
    [property: JsonPropertyName("quoteExpiresAt")] DateTimeOffset? QuoteExpiresAt,
    [property: JsonPropertyName("rejectionCode")] string? RejectionCode);
