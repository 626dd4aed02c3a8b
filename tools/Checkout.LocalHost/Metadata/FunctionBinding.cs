using System.Text.Json.Serialization;

namespace Checkout.LocalHost.Metadata;

/// <summary>One binding of a function as <c>functions.metadata</c> lists it (the worker SDK's build output).</summary>
public sealed record FunctionBinding(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("route")] string? Route = null,
    [property: JsonPropertyName("methods")] IReadOnlyList<string>? Methods = null,
    [property: JsonPropertyName("queueName")] string? QueueName = null,
    [property: JsonPropertyName("connection")] string? Connection = null,
    [property: JsonPropertyName("schedule")] string? Schedule = null)
{
    public const string HttpTrigger = "httpTrigger";
    public const string QueueTrigger = "queueTrigger";
    public const string TimerTrigger = "timerTrigger";
    public const string OrchestrationTrigger = "orchestrationTrigger";
    public const string ActivityTrigger = "activityTrigger";

    /// <summary>A <c>[DurableClient]</c> parameter (direction In).</summary>
    public const string DurableClient = "durableClient";

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.Ordinal);
}
