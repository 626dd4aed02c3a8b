using Checkout.Functions.Api.Contracts;
using Checkout.Functions.OpenApi;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Refunds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api.Refunds;

/// <summary>The refund functions of the merchant API, each behind its API key; the work is in <see cref="RefundHandlers"/>.</summary>
public static class RefundFunctions
{
    public const string RefundsRoute = CheckoutFunctions.CheckoutsRoute + "/{id}/refunds";

    [Function("CreateRefund")]
    [EndpointSummary("Refund a completed checkout"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("Gives back all or part of what the buyer paid, in the checkout's presentment currency; several partial refunds may follow one another up to the captured amount. 201 with the refund (pending) and its Location; it then succeeds (payment.refunded webhook) or fails (refund.failed webhook; the amount is refundable again). 422 naming amount when more is asked than remains refundable (pending refunds hold their amount), naming amount.currency for another currency; 409 refund.checkout_not_completed when the checkout is not completed (one canceled after capture was refunded by its workflow). Nothing is written for a refused request.")]
    [JsonRequestBody(typeof(RefundRequest)), ProducesResponseType<RefundView>(StatusCodes.Status201Created), AcceptsIdempotencyKey]
    [DocumentedResponseHeader(StatusCodes.Status201Created, "Location", "The refund's absolute URI.")]
    [ProducesProblems(400, 404, 409, 413, 415, 422)]
    public static Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + RefundsRoute)] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => RefundHandlers.CreateAsync(
            req.HttpContext, id, services.GetRequiredService<CheckoutStore>(), services.GetRequiredService<RefundStarter>(), client,
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IdempotentPost>(), cancellationToken));

    [Function("ListRefunds")]
    [EndpointSummary("List a checkout's refunds"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("The checkout's refunds, oldest first, a page at a time: {data, nextCursor}; while more follow, nextCursor and the Link header (rel=\"next\") lead to the next page. Another merchant's checkout is 404, as an unknown id is.")]
    [PagedList, ProducesResponseType<ListPage<RefundView>>(StatusCodes.Status200OK), ProducesProblems(400, 404)]
    public static Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + RefundsRoute)] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => RefundHandlers.ListAsync(
            req.HttpContext, id, services.GetRequiredService<CheckoutStore>(), services.GetRequiredService<RefundStore>(), cancellationToken), readsQuery: true);

    [Function("GetRefund")]
    [EndpointSummary("Get a refund"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("One refund: pending, succeeded (with its balanceEffect) or failed (with failureCode and failureMessage). Another merchant's is 404, as an unknown id is.")]
    [ProducesResponseType<RefundView>(StatusCodes.Status200OK), ProducesProblems(400, 404)]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + RefundsRoute + "/{refundId}")] HttpRequest req, string id, string refundId, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => RefundHandlers.GetAsync(req.HttpContext, id, refundId, services.GetRequiredService<RefundStore>(), cancellationToken));
}
