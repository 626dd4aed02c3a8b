using Checkout.Functions.Api;
using Checkout.Functions.OpenApi;

namespace Checkout.Functions;

/// <summary>The webhook routes of the merchant API, behind the same API-key authentication as checkouts.</summary>
internal static class WebhookApi
{
    public const string EndpointsRoute = "/api/webhook-endpoints";

    public static WebApplication MapWebhookApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapMerchantApiGroup();
        // OpenAPI: summaries and statuses only; the bodies are anonymous types, so their schemas stay open ({}) until
        // they get records (see Api/Contracts) and Produces<T>.
        api.MapPost(EndpointsRoute, WebhookEndpointFunctions.CreateAsync).WithName("CreateWebhookEndpoint")
            .Describe("Register a webhook endpoint", "Registers a URL for merchant events; the answer carries the signing secret, shown only here.")
            .Produces<object>(StatusCodes.Status201Created).AcceptsIdempotencyKey().ProducesProblems(400, 409, 413, 415, 422);
        api.MapGet(EndpointsRoute, WebhookEndpointFunctions.ListAsync).WithName("ListWebhookEndpoints")
            .Describe("List webhook endpoints", "The merchant's webhook endpoints, oldest first.")
            .Produces<object>(StatusCodes.Status200OK);
        api.MapGet(EndpointsRoute + "/{id}", WebhookEndpointFunctions.GetAsync).WithName("GetWebhookEndpoint")
            .Describe("Get a webhook endpoint", "One of the merchant's webhook endpoints; another merchant's is 404.")
            .Produces<object>(StatusCodes.Status200OK).ProducesProblems(404);
        api.MapDelete(EndpointsRoute + "/{id}", WebhookEndpointFunctions.DeleteAsync).WithName("DeleteWebhookEndpoint")
            .Describe("Delete a webhook endpoint", "Stops deliveries to the endpoint.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblems(404);
        return app;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description).WithTags(CheckoutDocumentTransformer.WebhooksTag);
}
