namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>POST /api/checkouts/{id}/cancel</c>.</summary>
internal sealed record CancelRequest(string Reason);
