using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>POST /api/checkouts/{id}/refunds</c>; <c>{}</c> refunds everything that remains.</summary>
internal sealed record RefundRequest(
    [property: Description("Optional: what to give back, in the checkout's presentment currency (what the buyer paid), more than zero and at most what remains refundable. Default: all that remains.")]
    MoneyAmount? Amount = null,
    [property: Description("Optional, 1 to 500 characters; shown on the refund and in its webhooks.")] string? Reason = null);
