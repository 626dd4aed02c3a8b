using Checkout.Functions.Api.Contracts;
using Checkout.Functions.OpenApi;
using Checkout.Workflows.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;

namespace Checkout.Functions.Api;

/// <summary>
/// The webhook functions of the merchant API, behind the same API keys as checkouts. OpenAPI: summaries and statuses
/// only; the bodies are anonymous types, so their schemas stay open ({}) until they get records (see Api/Contracts).
/// </summary>
public static class WebhookFunctions
{
    public const string EndpointsRoute = "webhook-endpoints";
    public const string DeliveriesRoute = "webhook-deliveries";

    [Function("CreateWebhookEndpoint")]
    [EndpointSummary("Register a webhook endpoint"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("Registers a URL for merchant events; the answer carries the signing secret, shown only here.")]
    [JsonRequestBody(typeof(WebhookEndpointCreateRequest)), ProducesResponseType<WebhookEndpointView>(StatusCodes.Status201Created), AcceptsIdempotencyKey, ProducesProblems(400, 409, 413, 415, 422)]
    public static Task<IResult> CreateEndpointAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + EndpointsRoute)] HttpRequest req, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookEndpointHandlers.CreateAsync(
            req.HttpContext, services.GetRequiredService<WebhookEndpointStore>(), services.GetRequiredService<WebhookUrlPolicy>(),
            services.GetRequiredService<IdempotentPost>(), services.GetRequiredService<TimeProvider>(), cancellationToken));

    [Function("ListWebhookEndpoints")]
    [EndpointSummary("List webhook endpoints"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("The merchant's webhook endpoints, oldest first, a page at a time: {data, nextCursor}; while more follow, nextCursor and the Link header (rel=\"next\") lead to the next page.")]
    [PagedList, ProducesResponseType<ListPage<WebhookEndpointView>>(StatusCodes.Status200OK), ProducesProblems(400)]
    public static Task<IResult> ListEndpointsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + EndpointsRoute)] HttpRequest req, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookEndpointHandlers.ListAsync(req.HttpContext, services.GetRequiredService<WebhookEndpointStore>(), cancellationToken), readsQuery: true);

    [Function("GetWebhookEndpoint")]
    [EndpointSummary("Get a webhook endpoint"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("One of the merchant's webhook endpoints; another merchant's is 404.")]
    [ProducesResponseType<WebhookEndpointView>(StatusCodes.Status200OK), ProducesProblems(400, 404)]
    public static Task<IResult> GetEndpointAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + EndpointsRoute + "/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookEndpointHandlers.GetAsync(req.HttpContext, id, services.GetRequiredService<WebhookEndpointStore>(), cancellationToken));

    [Function("DeleteWebhookEndpoint")]
    [EndpointSummary("Delete a webhook endpoint"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("Stops deliveries to the endpoint.")]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesProblems(400, 404)]
    public static Task<IResult> DeleteEndpointAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Prefix + EndpointsRoute + "/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookEndpointHandlers.DeleteAsync(req.HttpContext, id, services.GetRequiredService<WebhookEndpointStore>(), cancellationToken));

    [Function("UpdateWebhookEndpoint")]
    [EndpointSummary("Update a webhook endpoint"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("Changes any of url, eventTypes (null: every type) and enabled; enabled true re-enables an endpoint disabled by a 410 Gone or by the merchant. Fields left out stay as they are; {} or no body changes nothing and answers the endpoint. Unknown fields answer 400; another merchant's endpoint is 404.")]
    [JsonRequestBody(typeof(WebhookEndpointUpdateRequest)), ProducesResponseType<WebhookEndpointView>(StatusCodes.Status200OK), ProducesProblems(400, 404, 413, 415, 422)]
    public static Task<IResult> UpdateEndpointAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.Prefix + EndpointsRoute + "/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookEndpointChangeHandlers.UpdateAsync(
            req.HttpContext, id, services.GetRequiredService<WebhookEndpointStore>(), services.GetRequiredService<WebhookUrlPolicy>(),
            services.GetRequiredService<TimeProvider>(), cancellationToken));

    [Function("RotateWebhookEndpointSecret")]
    [EndpointSummary("Rotate a webhook endpoint's signing secret"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("Generates a new whsec_ secret, shown only in this answer. For 24 hours (previousSecretExpiresTime) every webhook-signature carries two signatures, space-separated: v1 with the new secret, then v1 with the old one; then only the new. Rotating again within those 24 hours drops the older secret at once: at most two sign. Takes no body.")]
    [ProducesResponseType<WebhookEndpointView>(StatusCodes.Status200OK), AcceptsIdempotencyKey, ProducesProblems(400, 404, 409, 413, 415, 422)]
    public static Task<IResult> RotateEndpointSecretAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + EndpointsRoute + "/{id}/rotate-secret")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookEndpointChangeHandlers.RotateSecretAsync(
            req.HttpContext, id, services.GetRequiredService<WebhookEndpointStore>(), services.GetRequiredService<IdempotentPost>(),
            services.GetRequiredService<TimeProvider>(), cancellationToken));

    [Function("ListWebhookDeliveries")]
    [EndpointSummary("List webhook deliveries"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("Every delivery of an event to an endpoint with all its attempts in time order, newest delivery first; filter by eventId, eventType or endpointId. A page at a time: {data, nextCursor}; while more follow, nextCursor and the Link header (rel=\"next\") lead to the next page.")]
    [DocumentedParameter("eventId", ParameterLocation.Query, "Only the deliveries of this event.")]
    [DocumentedParameter("eventType", ParameterLocation.Query, "Only events of this type, e.g. checkout.completed.")]
    [DocumentedParameter("endpointId", ParameterLocation.Query, "Only the deliveries to this endpoint.")]
    [PagedList, ProducesResponseType<ListPage<WebhookDeliveryView>>(StatusCodes.Status200OK), ProducesProblems(400)]
    public static Task<IResult> ListDeliveriesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + DeliveriesRoute)] HttpRequest req, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookDeliveryHandlers.ListAsync(req.HttpContext, services.GetRequiredService<WebhookDeliveryStore>(), cancellationToken), readsQuery: true);

    [Function("GetWebhookDelivery")]
    [EndpointSummary("Get a webhook delivery"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("One delivery with every attempt (status code, duration, error, next attempt time).")]
    [ProducesResponseType<WebhookDeliveryView>(StatusCodes.Status200OK), ProducesProblems(400, 404)]
    public static Task<IResult> GetDeliveryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + DeliveriesRoute + "/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookDeliveryHandlers.GetAsync(req.HttpContext, id, services.GetRequiredService<WebhookDeliveryStore>(), cancellationToken));

    [Function("RedeliverWebhook")]
    [EndpointSummary("Redeliver a webhook"), Tags(CheckoutDocumentTransformer.WebhooksTag), RequiresApiKey]
    [EndpointDescription("Queues one more signed attempt of a delivery that succeeded or failed; 409 while automatic retries are pending or when the endpoint is disabled or deleted.")]
    [ProducesResponseType<WebhookDeliveryView>(StatusCodes.Status202Accepted), AcceptsIdempotencyKey, ProducesProblems(400, 404, 409, 413, 415, 422)]
    public static Task<IResult> RedeliverAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + DeliveriesRoute + "/{id}/redeliver")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => WebhookDeliveryHandlers.RedeliverAsync(
            req.HttpContext, id, services.GetRequiredService<WebhookDeliveryStore>(), services.GetRequiredService<WebhookEndpointStore>(),
            services.GetRequiredService<WebhookAttemptScheduler>(), services.GetRequiredService<IdempotentPost>(), cancellationToken));
}
