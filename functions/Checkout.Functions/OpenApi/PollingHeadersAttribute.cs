namespace Checkout.Functions.OpenApi;

/// <summary>Documents Location and Retry-After on the 202, as Durable's async HTTP pattern sends them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PollingHeadersAttribute : Attribute;
