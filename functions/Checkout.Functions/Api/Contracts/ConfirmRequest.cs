namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>POST /api/checkouts/{id}/confirm</c>: the quote the buyer saw and accepts.</summary>
internal sealed record ConfirmRequest(string QuoteId);
