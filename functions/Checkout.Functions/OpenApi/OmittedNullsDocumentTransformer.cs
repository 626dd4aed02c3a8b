using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Checkout.Functions.OpenApi;

/// <summary>The API leaves null members out of its JSON (<see cref="Api.ApiJson"/>), so a nullable property is optional,
/// not a required one that may be null; the generator would otherwise list it as required.
/// It runs on the finished document, because the generator wraps nullable references in <c>oneOf</c> only after
/// the schema transformers have run.</summary>
internal sealed class OmittedNullsDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            MakeNullablesOptional(schema);
        }

        return Task.CompletedTask;
    }

    private static void MakeNullablesOptional(OpenApiSchema schema)
    {
        if (schema.Properties is null || schema.Required is null)
        {
            return;
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (AllowsNull(property))
            {
                schema.Required.Remove(name);
            }
        }
    }

    private static bool AllowsNull(IOpenApiSchema property) =>
        (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (property.OneOf?.Any(AllowsNull) ?? false);
}
