namespace Checkout.Functions.OpenApi;

/// <summary>Documents the optional <c>Idempotency-Key</c> request header of a write.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsIdempotencyKeyAttribute : Attribute;
