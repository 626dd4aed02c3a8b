using Microsoft.OpenApi;

namespace Checkout.Functions.OpenApi;

/// <summary>
/// Documents an optional parameter the function reads itself, so it can answer its own 400 problem naming the
/// parameter rather than a binding failure. <see cref="Type"/> is a JSON Schema type ("string", "integer").
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DocumentedParameterAttribute(string name, ParameterLocation location, string description) : Attribute
{
    public string Name { get; } = name;

    public ParameterLocation Location { get; } = location;

    public string Description { get; } = description;

    public string Type { get; init; } = "string";

    public string? Format { get; init; }

    public string? Minimum { get; init; }

    public string? Maximum { get; init; }

    public OpenApiSchema Schema() => new()
    {
        Type = Type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String,
        Format = Format,
        Minimum = Minimum,
        Maximum = Maximum,
    };
}
