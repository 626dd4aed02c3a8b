using Checkout.Functions.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Checkout.Functions.OpenApi;

/// <summary>
/// The OpenAPI document, generated from the endpoints' metadata by Microsoft.AspNetCore.OpenApi. One serializer serves
/// <c>GET /api/openapi.json</c> and writes the checked-in copy (<c>Checkout.Functions openapi &lt;file&gt;</c>), so the two
/// cannot differ.
/// </summary>
internal static class CheckoutOpenApiDocument
{
    public const string DocumentName = "v1";
    public const string Route = "/api/openapi.json";
    public const string CheckedInPath = "openapi/checkout.openapi.json";

    public static IServiceCollection AddCheckoutOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer<CheckoutDocumentTransformer>();
            options.AddOperationTransformer<ApiKeyOperationTransformer>();
            options.AddDocumentTransformer<OmittedNullsDocumentTransformer>();
        }).ConfigureHttpJsonOptions(json =>
        {
            // The schemas follow these options: numbers as the API writes them (ApiJson), not the web default that
            // would document every number as "integer or string". Null handling stays as it is: the custom-handler
            // responses need their explicit nulls; OmittedNullsDocumentTransformer documents the API's omitted ones.
            json.SerializerOptions.NumberHandling = ApiJson.Options.NumberHandling;
        });

    public static WebApplication MapCheckoutOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Route, async (IServiceProvider services, CancellationToken cancellationToken) =>
                Results.Text(await GenerateAsync(services, cancellationToken), "application/json"))
            .WithName("GetOpenApiDocument")
            .WithSummary("This OpenAPI document")
            .WithDescription("The OpenAPI 3.1 description of this API, generated from the code. No API key needed.")
            .WithTags(CheckoutDocumentTransformer.MetaTag)
            .Produces<object>(StatusCodes.Status200OK, "application/json");
        return app;
    }

    /// <summary>The document as JSON, ending with a newline as the checked-in file does.</summary>
    public static async Task<string> GenerateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        return json.ReplaceLineEndings("\n") + "\n";
    }
}
