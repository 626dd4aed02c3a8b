using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Checkout.Functions.Hosting.CustomHandler;

/// <summary>The custom handler's answer to an invocation: <c>{ "Outputs", "Logs", "ReturnValue" }</c>. Our queue
/// functions have no output bindings; their effects go through the workflow's own storage writes.</summary>
public sealed record InvocationResult(
    [property: JsonPropertyName("Outputs")] JsonObject Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] JsonNode? ReturnValue)
{
    /// <summary>Lines the host writes to its invocation log (at Information): names and types only, never message text.</summary>
    public static InvocationResult WithLogs(params string[] logs) => new([], logs, null);
}
