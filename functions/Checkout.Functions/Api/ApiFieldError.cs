namespace Checkout.Functions.Api;

/// <summary>One bad field of a request: a JSON Pointer into the body (<c>#/items/0/quantity</c>) and what is wrong.</summary>
internal sealed record ApiFieldError(string Pointer, string Detail);
