using System.Globalization;

namespace Checkout.Functions.Hosting.Metadata;

/// <summary>
/// One function as the Azure Functions host sees it: its name (the function.json folder, and the
/// <c>POST /{Name}</c> invocation path of a queue trigger) and its trigger binding.
/// </summary>
/// <param name="Route">HTTP only: the route below the <c>api</c> prefix, in ASP.NET Core template syntax, which
/// Functions routes share.</param>
/// <param name="Methods">HTTP only: upper-case methods.</param>
/// <param name="QueueName">Queue only: the queue the trigger reads.</param>
/// <param name="Connection">Queue only: the app setting holding the storage connection string.</param>
public sealed record FunctionDefinition(
    string Name,
    FunctionTrigger Trigger,
    string? Route,
    IReadOnlyList<string> Methods,
    string? QueueName,
    string? Connection)
{
    /// <summary>A one-line description that identifies the binding; equal descriptions mean equal bindings.</summary>
    public string Describe() => Trigger switch
    {
        FunctionTrigger.Http => string.Create(CultureInfo.InvariantCulture, $"{Name}: http {string.Join(',', Methods)} /{FunctionCatalog.RoutePrefix}/{Route}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Name}: queue {QueueName} via {Connection}"),
    };
}
