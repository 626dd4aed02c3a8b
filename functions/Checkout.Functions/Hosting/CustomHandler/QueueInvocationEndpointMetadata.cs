namespace Checkout.Functions.Hosting.CustomHandler;

/// <summary>Marks the <c>POST /{FunctionName}</c> endpoints through which the Functions host invokes queue-triggered
/// functions, so the function catalog does not mistake them for HTTP functions.</summary>
public sealed class QueueInvocationEndpointMetadata
{
    public static QueueInvocationEndpointMetadata Instance { get; } = new();
}
