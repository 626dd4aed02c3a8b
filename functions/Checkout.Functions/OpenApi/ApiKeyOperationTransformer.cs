using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Checkout.Functions.OpenApi;

/// <summary>Marks the operations behind <see cref="RequiresApiKeyAttribute"/> as needing either API-key scheme; the rest as open.</summary>
internal sealed class ApiKeyOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKeyAttribute>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CheckoutDocumentTransformer.BearerScheme, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CheckoutDocumentTransformer.ApiKeyScheme, context.Document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
