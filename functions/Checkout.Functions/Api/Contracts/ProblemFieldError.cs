namespace Checkout.Functions.Api.Contracts;

/// <summary>One bad field of a request: a JSON Pointer (<c>#/items/0/quantity</c>) or query parameter, and what is wrong.</summary>
internal sealed record ProblemFieldError(string Pointer, string Detail);
