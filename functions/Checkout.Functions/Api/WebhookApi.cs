using Checkout.Functions.Api;
using Checkout.Functions.OpenApi;

namespace Checkout.Functions;

/// <summary>The webhook routes of the merchant API, behind the same API-key authentication as checkouts.</summary>
internal static class WebhookApi
{
    public const string EndpointsRoute = "/api/webhook-endpoints";
    public const string DeliveriesRoute = "/api/webhook-deliveries";

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
        api.MapGet(DeliveriesRoute, WebhookDeliveryFunctions.ListAsync).WithName("ListWebhookDeliveries")
            .Describe("List webhook deliveries", "Every delivery of an event to an endpoint with all its attempts, newest first; filter by eventId, eventType or endpointId; page with limit (1-100, default 25) and the previous page's nextCursor.")
            .Produces<object>(StatusCodes.Status200OK).ProducesProblems(400);
        api.MapGet(DeliveriesRoute + "/{id}", WebhookDeliveryFunctions.GetAsync).WithName("GetWebhookDelivery")
            .Describe("Get a webhook delivery", "One delivery with every attempt (status code, duration, error, next attempt time).")
            .Produces<object>(StatusCodes.Status200OK).ProducesProblems(404);
        api.MapPost(DeliveriesRoute + "/{id}/redeliver", WebhookDeliveryFunctions.RedeliverAsync).WithName("RedeliverWebhook")
            .Describe("Redeliver a webhook", "Queues one more signed attempt of a delivery that succeeded or failed; 409 while automatic retries are pending or when the endpoint is disabled or deleted.")
            .Produces<object>(StatusCodes.Status202Accepted).AcceptsIdempotencyKey().ProducesProblems(400, 404, 409, 422);
        return app;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description).WithTags(CheckoutDocumentTransformer.WebhooksTag);
}
