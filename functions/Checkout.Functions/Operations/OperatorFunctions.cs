using Checkout.Functions.Api;
using Checkout.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Operations;

/// <summary>
/// The operations console's API, behind the operator key (<see cref="OperatorAuthentication"/>), for the page at
/// <c>/console/</c>. Not part of the merchant API's OpenAPI document: operators are not its clients.
/// </summary>
public static class OperatorFunctions
{
    public const string Route = ApiRoutes.Prefix + "console";

    [Function("ConsoleSession"), ExcludeFromDescription]
    public static Task<IResult> SessionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/session")] HttpRequest req) =>
        OperatorApi.RunAsync(req, _ => Task.FromResult(OperatorHandlers.Session(req.HttpContext)));

    [Function("ConsoleListCheckouts"), ExcludeFromDescription]
    public static Task<IResult> ListCheckoutsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/checkouts")] HttpRequest req, CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, services => OperatorHandlers.ListAsync(req.HttpContext, services.GetRequiredService<CheckoutStore>(), cancellationToken), readsQuery: true);

    [Function("ConsoleGetCheckout"), ExcludeFromDescription]
    public static Task<IResult> GetCheckoutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/checkouts/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorHandlers.GetAsync(req.HttpContext, id, client, cancellationToken));

    [Function("ConsoleRefundCheckout"), ExcludeFromDescription]
    public static Task<IResult> RefundAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/checkouts/{id}/refunds")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorHandlers.RefundAsync(req.HttpContext, id, client, cancellationToken));

    [Function("ConsoleCancelCheckout"), ExcludeFromDescription]
    public static Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/checkouts/{id}/cancel")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorHandlers.CancelAsync(req.HttpContext, id, client, cancellationToken));

    [Function("ConsoleCheckoutOrchestrationAction"), ExcludeFromDescription]
    public static Task<IResult> OrchestrationActionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/checkouts/{id}/orchestration/{action}")] HttpRequest req,
        string id,
        string action,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => action switch
        {
            "terminate" => OperatorOperationsHandlers.TerminateAsync(req.HttpContext, id, client, cancellationToken),
            "purge" => OperatorOperationsHandlers.PurgeAsync(req.HttpContext, id, client, cancellationToken),
            _ => Task.FromResult<IResult>(ApiProblems.NotFound("orchestration action", action, "terminate and purge are the actions.")),
        });

    [Function("ConsoleAttention"), ExcludeFromDescription]
    public static Task<IResult> AttentionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/attention")] HttpRequest req, CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.AttentionAsync(req.HttpContext, cancellationToken));

    [Function("ConsoleMovePoisonMessageBack"), ExcludeFromDescription]
    public static Task<IResult> MovePoisonMessageBackAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/poison-queues/{queue}/messages/{messageId}/move-back")] HttpRequest req,
        string queue,
        string messageId,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.MoveBackAsync(req.HttpContext, queue, messageId, cancellationToken));

    [Function("ConsoleListPayouts"), ExcludeFromDescription]
    public static Task<IResult> ListPayoutsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/payouts")] HttpRequest req, CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.PayoutsAsync(req.HttpContext, cancellationToken), readsQuery: true);

    [Function("ConsoleRetryPayout"), ExcludeFromDescription]
    public static Task<IResult> RetryPayoutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/merchants/{merchantId}/payouts/{payoutId}/retry")] HttpRequest req,
        string merchantId,
        string payoutId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.RetryPayoutAsync(req.HttpContext, merchantId, payoutId, client, cancellationToken));

    [Function("ConsoleRedeliverWebhook"), ExcludeFromDescription]
    public static Task<IResult> RedeliverAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/merchants/{merchantId}/webhook-deliveries/{deliveryId}/redeliver")] HttpRequest req,
        string merchantId,
        string deliveryId,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.RedeliverAsync(req.HttpContext, merchantId, deliveryId, cancellationToken));

    [Function("ConsoleBalances"), ExcludeFromDescription]
    public static Task<IResult> BalancesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/merchants/{merchantId}/balances")] HttpRequest req,
        string merchantId,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.BalancesAsync(req.HttpContext, merchantId, cancellationToken));

    [Function("ConsoleLedger"), ExcludeFromDescription]
    public static Task<IResult> LedgerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/merchants/{merchantId}/ledger")] HttpRequest req,
        string merchantId,
        CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.LedgerAsync(req.HttpContext, merchantId, cancellationToken));

    [Function("ConsoleFxRates"), ExcludeFromDescription]
    public static Task<IResult> FxRatesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/fx")] HttpRequest req, CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.FxAsync(req.HttpContext, cancellationToken));

    [Function("ConsoleActivity"), ExcludeFromDescription]
    public static Task<IResult> ActivityAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/activity")] HttpRequest req, CancellationToken cancellationToken) =>
        OperatorApi.RunAsync(req, _ => OperatorOperationsHandlers.ActivityAsync(req.HttpContext, cancellationToken), readsQuery: true);
}
