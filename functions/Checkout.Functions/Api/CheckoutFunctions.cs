using Checkout.Functions.Api.Contracts;
using Checkout.Functions.OpenApi;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Orchestration;
using Checkout.Domain.Estimates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.OpenApi;

namespace Checkout.Functions.Api;

/// <summary>
/// The checkout functions of the merchant API, each behind its API key. Each method is one function: its trigger gives
/// the route and methods, its attributes the OpenAPI document (regenerate with <c>scripts/openapi.sh</c>); the work is
/// in the handler it names.
/// </summary>
public static class CheckoutFunctions
{
    public const string CheckoutsRoute = "checkouts";

    [Function("StartCheckout")]
    [EndpointSummary("Start a checkout"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("Validates the cart and starts the workflow: FX quote, customs and logistics checks, then the landed cost awaits the buyer's confirmation. Poll the Location until 200. A cart the estimate endpoint would refuse is refused here the same way (422), and nothing is started.")]
    [JsonRequestBody(typeof(StartCheckoutRequest)), ProducesResponseType<CheckoutAccepted>(StatusCodes.Status202Accepted), PollingHeaders, AcceptsIdempotencyKey]
    [ProducesProblems(400, 409, 413, 415, 422, 503)]
    public static Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + CheckoutsRoute)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => StartCheckoutHandler.StartAsync(
            req.HttpContext, services.GetRequiredService<CheckoutStarter>(), client, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<CheckoutEstimator>(), services.GetRequiredService<IdempotentPost>(), cancellationToken));

    [Function("ListCheckouts")]
    [EndpointSummary("List checkouts"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("The merchant's checkouts in id order, a page at a time: {data, nextCursor}; while more follow, nextCursor and the Link header (rel=\"next\") lead to the next page. Bad parameters are a 400 problem naming each one.")]
    [DocumentedParameter("merchantReference", ParameterLocation.Query, "Only the checkouts started with this merchantReference (exact match): a read of its index, not a scan.")]
    [DocumentedParameter("status", ParameterLocation.Query, "Only these statuses, comma-separated (e.g. completed,canceled).")]
    [DocumentedParameter("createdFrom", ParameterLocation.Query, "Only checkouts created at or after this ISO 8601 date-time.", Format = "date-time")]
    [DocumentedParameter("createdTo", ParameterLocation.Query, "Only checkouts created before this ISO 8601 date-time.", Format = "date-time")]
    [PagedList, ProducesResponseType<ListPage<CheckoutSummaryView>>(StatusCodes.Status200OK)]
    [ProducesProblems(400)]
    public static Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + CheckoutsRoute)] HttpRequest req, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => ListCheckoutsHandler.ListAsync(req.HttpContext, services.GetRequiredService<CheckoutStore>(), cancellationToken), readsQuery: true);

    [Function("GetCheckoutStatus")]
    [EndpointSummary("Get a checkout's status"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("202 with Location and Retry-After while the workflow runs, 200 once it has ended. Another merchant's checkout is 404, as an unknown id is.")]
    [DocumentedParameter("showHistory", ParameterLocation.Query, "true adds historyEvents, every transition in the order applied, which is also time order.")]
    [ProducesResponseType<CheckoutStatusView>(StatusCodes.Status200OK), ProducesResponseType<CheckoutStatusView>(StatusCodes.Status202Accepted), PollingHeaders]
    [ProducesProblems(400, 404)]
    public static Task<IResult> GetStatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + CheckoutsRoute + "/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => CheckoutStatusHandler.GetAsync(req.HttpContext, id, services.GetRequiredService<CheckoutStore>(), cancellationToken), readsQuery: true);

    [Function("ConfirmCheckout")]
    [EndpointSummary("Confirm the landed cost"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("The buyer accepts the quote it was shown. 409 when that quote expired or was superseded (the problem names the current one) or the checkout is not awaiting confirmation; 410 once it has ended; 503 checkout.starting (with Retry-After) while its workflow has not started yet, which only a crash delays for long.")]
    [JsonRequestBody(typeof(ConfirmRequest)), ProducesResponseType<CheckoutAccepted>(StatusCodes.Status202Accepted), PollingHeaders, AcceptsIdempotencyKey]
    [ProducesProblems(400, 404, 409, 410, 413, 415, 422, 503)]
    public static Task<IResult> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + CheckoutsRoute + "/{id}/confirm")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => CheckoutEventHandler.ConfirmAsync(
            req.HttpContext, id, services.GetRequiredService<CheckoutStore>(), client, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IdempotentPost>(), cancellationToken));

    [Function("CancelCheckout")]
    [EndpointSummary("Cancel a checkout"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("Before capture the checkout is canceled; after capture the payment is refunded first. 410 once it has ended; 503 checkout.starting (with Retry-After) while its workflow has not started yet, which only a crash delays for long.")]
    [JsonRequestBody(typeof(CancelRequest)), ProducesResponseType<CheckoutAccepted>(StatusCodes.Status202Accepted), PollingHeaders, AcceptsIdempotencyKey]
    [ProducesProblems(400, 404, 409, 410, 413, 415, 422, 503)]
    public static Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + CheckoutsRoute + "/{id}/cancel")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => CheckoutEventHandler.CancelAsync(
            req.HttpContext, id, services.GetRequiredService<CheckoutStore>(), client, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IdempotentPost>(), cancellationToken));

    [Function("RetryCheckoutPayment")]
    [EndpointSummary("Pay again after a decline"), Tags(CheckoutDocumentTransformer.CheckoutsTag), RequiresApiKey]
    [EndpointDescription("A declined payment leaves the checkout requires_payment_method (lastPaymentError says why) until its quote expires; POST a new payment method here to try again, a new charge, up to 5 attempts in all. 409 when the checkout is not requires_payment_method (code checkout.not_requires_payment_method) or its quote has expired (quote.expired); 410 once it has ended. Unpaid at the quote's expiry, or declined a fifth time, it ends failed with the last decline as its rejection.")]
    [JsonRequestBody(typeof(RetryPaymentRequest)), ProducesResponseType<CheckoutAccepted>(StatusCodes.Status202Accepted), PollingHeaders, AcceptsIdempotencyKey]
    [ProducesProblems(400, 404, 409, 410, 413, 415, 422)]
    public static Task<IResult> RetryPaymentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + CheckoutsRoute + "/{id}/payment")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => PaymentRetryHandler.RetryAsync(
            req.HttpContext, id, services.GetRequiredService<CheckoutStore>(), client, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IdempotentPost>(), cancellationToken));

    [Function("EstimateCheckout")]
    [EndpointSummary("Price a cart"), Tags(CheckoutDocumentTransformer.EstimatesTag), RequiresApiKey]
    [EndpointDescription("Quote, landed cost and shipping options for a cart, synchronously. Starts nothing and writes nothing; 422 when the rules refuse the cart.")]
    [JsonRequestBody(typeof(EstimateRequest)), ProducesResponseType<EstimateView>(StatusCodes.Status200OK), AcceptsIdempotencyKey]
    [ProducesProblems(400, 413, 415, 422, 503)]
    public static Task<IResult> EstimateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "estimates")] HttpRequest req, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => EstimateHandler.EstimateAsync(
            req.HttpContext, services.GetRequiredService<CheckoutEstimator>(), services.GetRequiredService<TimeProvider>(), cancellationToken));
}
