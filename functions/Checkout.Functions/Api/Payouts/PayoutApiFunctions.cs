using Checkout.Functions.Api.Contracts;
using Checkout.Functions.OpenApi;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api.Payouts;

/// <summary>The payout and balance functions: the merchant's behind its API key, the rail's webhook behind its signature.</summary>
public static class PayoutApiFunctions
{
    public const string PayoutsRoute = "payouts";
    public const string DestinationRoute = "payout-destination";

    [Function("GetBalances")]
    [EndpointSummary("Get balances"), Tags(CheckoutDocumentTransformer.PayoutsTag), RequiresApiKey]
    [EndpointDescription("Per settlement currency: available on the merchant balance and in transit to the bank, from the ledger.")]
    [ProducesResponseType<BalancesView>(StatusCodes.Status200OK), ProducesProblems(400)]
    public static Task<IResult> BalancesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "balances")] HttpRequest req, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => PayoutHandlers.BalancesAsync(
            req.HttpContext, services.GetRequiredService<LedgerStore>(), services.GetRequiredService<MerchantProfileStore>(), cancellationToken));

    [Function("ListPayouts")]
    [EndpointSummary("List payouts"), Tags(CheckoutDocumentTransformer.PayoutsTag), RequiresApiKey]
    [EndpointDescription("The merchant's payouts in id order, a page at a time: {data, nextCursor}; while more follow, nextCursor and the Link header (rel=\"next\") lead to the next page.")]
    [PagedList, ProducesResponseType<ListPage<PayoutView>>(StatusCodes.Status200OK), ProducesProblems(400)]
    public static Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + PayoutsRoute)] HttpRequest req, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => PayoutHandlers.ListAsync(req.HttpContext, services.GetRequiredService<PayoutStore>(), cancellationToken), readsQuery: true);

    [Function("GetPayout")]
    [EndpointSummary("Get a payout"), Tags(CheckoutDocumentTransformer.PayoutsTag), RequiresApiKey]
    [EndpointDescription("One payout; another merchant's is 404, as an unknown id is.")]
    [ProducesResponseType<PayoutView>(StatusCodes.Status200OK), ProducesProblems(400, 404)]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + PayoutsRoute + "/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => PayoutHandlers.GetAsync(req.HttpContext, id, services.GetRequiredService<PayoutStore>(), cancellationToken));

    [Function("RetryPayout")]
    [EndpointSummary("Retry a payout"), Tags(CheckoutDocumentTransformer.PayoutsTag), RequiresApiKey]
    [EndpointDescription("A failed or canceled payout is sent again as a new attempt (a pending one is re-sent); 409 when in transit or paid.")]
    [ProducesResponseType<PayoutView>(StatusCodes.Status202Accepted), AcceptsIdempotencyKey, ProducesProblems(400, 404, 409, 413, 415, 422)]
    public static Task<IResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + PayoutsRoute + "/{id}/retry")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => PayoutHandlers.RetryAsync(
            req.HttpContext, id, new PayoutRetrying(services.GetRequiredService<PayoutRetries>(), services.GetRequiredService<PayoutOrchestrations>(), client),
            services.GetRequiredService<IdempotentPost>(), cancellationToken));

    [Function("SetPayoutDestination")]
    [EndpointSummary("Set the payout destination"), Tags(CheckoutDocumentTransformer.PayoutsTag), RequiresApiKey]
    [EndpointDescription("The bank account payouts go to, in its country's scheme (IBAN, US ACH, Chinese bank card, Hong Kong or Macau local account), each field checked (IBAN mod-97 and length, BIC, Luhn, ABA); the currency must be one the country's accounts are held in and the merchant's settlement currency. Failed, canceled and pending payouts are retried to it.")]
    [JsonRequestBody(typeof(PayoutDestinationRequest)), ProducesResponseType<PayoutDestinationView>(StatusCodes.Status200OK), AcceptsIdempotencyKey]
    [ProducesProblems(400, 409, 413, 415, 422)]
    public static Task<IResult> SetDestinationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Prefix + DestinationRoute)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => PayoutDestinationHandlers.PutAsync(
            req.HttpContext, services.GetRequiredService<PayoutDestinationStore>(), services.GetRequiredService<MerchantProfileStore>(),
            new PayoutRetrying(services.GetRequiredService<PayoutRetries>(), services.GetRequiredService<PayoutOrchestrations>(), client),
            services.GetRequiredService<IdempotentPost>(), services.GetRequiredService<TimeProvider>(), cancellationToken));

    [Function("GetPayoutDestination")]
    [EndpointSummary("Get the payout destination"), Tags(CheckoutDocumentTransformer.PayoutsTag), RequiresApiKey]
    [EndpointDescription("The account number is shown masked; 404 until one is set.")]
    [ProducesResponseType<PayoutDestinationView>(StatusCodes.Status200OK), ProducesProblems(400, 404)]
    public static Task<IResult> GetDestinationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + DestinationRoute)] HttpRequest req, CancellationToken cancellationToken) =>
        MerchantApi.RunAsync(req, services => PayoutDestinationHandlers.GetAsync(req.HttpContext, services.GetRequiredService<PayoutDestinationStore>(), cancellationToken));

    [Function("ReceivePayoutRailEvent")]
    [EndpointSummary("Receive a payout rail event"), Tags(CheckoutDocumentTransformer.PayoutsTag)]
    [EndpointDescription("For the payout rail, not merchants: a status update signed with Rail-Signature (t=..,v1=hex HMAC-SHA256 of \"t.body\"); 401 when the signature is missing, wrong or older than 5 minutes.")]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesProblems(400, 401, 413)]
    public static Task<IResult> ReceiveRailEventAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "payout-rail/events")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return RailWebhookReceiver.ReceiveAsync(req.HttpContext, req.HttpContext.RequestServices.GetRequiredService<RailWebhookHandler>(), client, cancellationToken);
    }
}
