using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary><c>/api/webhook-deliveries</c>: every delivery with its attempts, newest first, paged and filterable by
/// event, event type or endpoint; one delivery; and <c>POST /{id}/redeliver</c>, which queues one more attempt.</summary>
internal static class WebhookDeliveryHandlers
{
    public static async Task<IResult> ListAsync(
        HttpContext context, WebhookDeliveryStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var (query, problem) = WebhookDeliveryQuery.Parse(context.Request.Query, merchant);
        if (query is null)
        {
            return problem!;
        }

        try
        {
            var (items, next) = await store.ListAsync(merchant, query.Filter, query.Page.Limit, query.Page.After, cancellationToken);
            return PagedListResponse.For(context.Request, query.Page, items.Select(WebhookViews.Delivery).ToList(), next);
        }
        catch (ArgumentException) when (query.Page.After is not null)
        {
            return PageRequest.BadCursor();
        }
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, WebhookDeliveryStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var found = WebhookIds.IsDeliveryId(id) ? await store.GetAsync(MerchantAuthentication.MerchantOf(context), id, cancellationToken) : null;
        return found is { } read ? ApiResponse.Json(StatusCodes.Status200OK, WebhookViews.Delivery(read.Delivery)) : ApiProblems.WebhookNotFound("delivery", id);
    }

    /// <summary>202 once the attempt is queued; 409 while automatic retries are still pending or when the endpoint is
    /// disabled or deleted (the attempt could not be made).</summary>
    public static async Task<IResult> RedeliverAsync(
        HttpContext context, string id, WebhookDeliveryStore store, WebhookEndpointStore endpoints, WebhookAttemptScheduler attempts,
        IdempotentPost idempotent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(idempotent);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var (key, requestProblem) = await IdempotentPost.ReadActionAsync(context.Request, cancellationToken);
        if (requestProblem is not null)
        {
            return requestProblem;
        }

        var found = WebhookIds.IsDeliveryId(id) ? await store.GetAsync(merchant, id, cancellationToken) : null;
        if (found is not { Delivery: var delivery })
        {
            return ApiProblems.WebhookNotFound("delivery", id);
        }

        return await idempotent.RunAsync(context.Request, merchant, key, [], () => RedeliverAsync(delivery, endpoints, attempts, cancellationToken), cancellationToken);
    }

    private static async Task<ApiResponse> RedeliverAsync(
        WebhookDelivery delivery, WebhookEndpointStore endpoints, WebhookAttemptScheduler attempts, CancellationToken cancellationToken)
    {
        if (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            return ApiProblems.WebhookConflict("webhook-delivery-pending", "The delivery is still being retried.",
                $"Delivery '{delivery.Id}' has automatic attempts pending; redeliver once it has succeeded or failed.");
        }

        var endpoint = await endpoints.GetAsync(delivery.MerchantId, delivery.EndpointId, cancellationToken);
        if (endpoint is not { Enabled: true })
        {
            return ApiProblems.WebhookConflict("webhook-endpoint-disabled", "The endpoint cannot receive deliveries.",
                $"Endpoint '{delivery.EndpointId}' is {(endpoint is null ? "deleted" : "disabled")}; register an endpoint to receive new events.");
        }

        await attempts.ScheduleAsync(new WebhookAttemptMessage(delivery.MerchantId, delivery.Id, delivery.AttemptCount + 1, Manual: true), null, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status202Accepted, WebhookViews.Delivery(delivery));
    }
}
