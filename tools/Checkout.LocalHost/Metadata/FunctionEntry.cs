using System.Text.Json.Serialization;

namespace Checkout.LocalHost.Metadata;

/// <summary>One function as <c>functions.metadata</c> lists it: its name, where its method is, its bindings.</summary>
public sealed record FunctionEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("scriptFile")] string ScriptFile,
    [property: JsonPropertyName("entryPoint")] string EntryPoint,
    [property: JsonPropertyName("bindings")] IReadOnlyList<FunctionBinding> Bindings)
{
    public FunctionBinding Trigger => Bindings.Single(b => b.IsTrigger && b.Direction == "In");
}
