using Checkout.Functions.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.Functions.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c>: the checked-in document, built into the app. It is generated from the functions'
/// attributes by the local host (<c>scripts/openapi.sh</c>), and a test keeps the two equal, so the served document is
/// what the code declares without the app generating anything at run time.
/// </summary>
public static class OpenApiDocumentFunction
{
    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiDocumentFunction).Assembly.GetManifestResourceStream(CheckoutOpenApiDocument.ResourceName)
            ?? throw new InvalidOperationException($"The app was built without {CheckoutOpenApiDocument.CheckedInPath}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [Function("GetOpenApiDocument")]
    [EndpointSummary("This OpenAPI document"), Tags(CheckoutDocumentTransformer.MetaTag)]
    [EndpointDescription("The OpenAPI 3.1 description of this API, generated from the code. No API key needed.")]
    [ProducesResponseType<object>(StatusCodes.Status200OK, "application/json")]
    public static IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "openapi.json")] HttpRequest req) =>
        Results.Text(Document.Value, "application/json");
}
