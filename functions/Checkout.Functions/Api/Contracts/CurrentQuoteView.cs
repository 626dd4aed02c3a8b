namespace Checkout.Functions.Api.Contracts;

/// <summary>The quote a refused confirm should have named.</summary>
internal sealed record CurrentQuoteView(string Id, DateTimeOffset ExpiresAt);
