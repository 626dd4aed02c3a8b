using Checkout.Domain.Workflow;
using Checkout.Functions.Api.Contracts;
using Checkout.Functions.OpenApi;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Wallets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api.Wallets;

/// <summary>
/// The wallets' side of a wallet payment: <c>POST /api/provider-webhooks/wallets/{wallet}</c>, where Alipay and WeChat
/// Pay notify the payment's outcome (signed, not behind merchant keys), and the sandbox's test helpers,
/// <c>POST /api/test-helpers/checkouts/{id}/wallet/{pay|decline|expire}</c>, which play the buyer in Development, as
/// Stripe's test helpers do: the sandbox wallet signs its notification and it goes through the same handler.
/// </summary>
public static class WalletFunctions
{
    private static readonly string[] Wallets = ["alipay", "wechat_pay"];
    private static readonly string[] BuyerActions = ["pay", "decline", "expire"];

    [Function("ReceiveWalletNotification")]
    [EndpointSummary("Receive a wallet payment notification"), Tags(CheckoutDocumentTransformer.CheckoutsTag)]
    [EndpointDescription("For the wallets (alipay, wechat_pay), not merchants: a payment's outcome (paid, declined, expired) signed with Wallet-Signature (t=..,v1=hex HMAC-SHA256 of \"t.body\"); 401 when the signature is missing, wrong or older than 5 minutes, with nothing changed. A replayed notification answers 200 and changes nothing.")]
    [ProducesResponseType<WalletNotificationView>(StatusCodes.Status200OK), ProducesProblems(400, 401, 404, 413)]
    public static async Task<IResult> ReceiveNotificationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "provider-webhooks/wallets/{wallet}")] HttpRequest req,
        string wallet,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (!Wallets.Contains(wallet))
        {
            return NotFound($"There is no wallet '{wallet}'; the wallets are {string.Join(" and ", Wallets)}.");
        }

        var (body, tooLarge) = await ProviderWebhookBody.ReadAsync(req, cancellationToken);
        if (body is null)
        {
            return tooLarge!;
        }

        var handler = req.HttpContext.RequestServices.GetRequiredService<WalletNotificationHandler>();
        return Answer(await handler.HandleAsync(body, req.Headers[WalletNotificationHandler.SignatureHeader], client, cancellationToken));
    }

    /// <summary>Development and the sandbox wallets only (404 otherwise); the merchant's own checkout only.</summary>
    [Function("WalletTestHelper"), ExcludeFromDescription]
    public static Task<IResult> SimulateBuyerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + "test-helpers/checkouts/{id}/wallet/{action}")] HttpRequest req,
        string id,
        string action,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return MerchantApi.RunAsync(req, async services =>
        {
            var mode = services.GetRequiredService<ProviderMode>();
            if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment() || mode.LiveMode || !BuyerActions.Contains(action))
            {
                return NotFound("The wallet test helpers (pay, decline, expire) run only in Development, against the sandbox wallets.");
            }

            var stored = await OwnedCheckouts.FindAsync(services.GetRequiredService<CheckoutStore>(), MerchantAuthentication.MerchantOf(req.HttpContext), id, cancellationToken);
            if (stored is null)
            {
                return ApiProblems.NotFound(id);
            }

            if (stored.State is not { Phase: CheckoutPhase.RequiresAction, WalletPaymentId: { } paymentId })
            {
                return NotAwaitingBuyer(stored.State, $"The checkout is {stored.State.Phase.ToStatus()}, not requires_action: there is no wallet payment awaiting the buyer.");
            }

            var clock = services.GetRequiredService<TimeProvider>();
            var notification = await services.GetRequiredService<SandboxWalletGateway>().SimulateAsync(paymentId, action, clock.GetUtcNow(), cancellationToken);
            if (notification is not { } signed)
            {
                return NotAwaitingBuyer(stored.State, $"Wallet payment {paymentId} no longer awaits the buyer.");
            }

            var outcome = await services.GetRequiredService<WalletNotificationHandler>().HandleAsync(signed.Body, signed.Signature, client, cancellationToken);
            return Answer(outcome);
        });
    }

    private static ApiResponse Answer(WalletNotificationOutcome outcome) => outcome switch
    {
        WalletNotificationOutcome.Unauthenticated => ApiResponse.FromProblem(new ProblemView(
            ApiProblems.TypeUri("wallet-signature-invalid"), "The Wallet-Signature header is missing or invalid.", StatusCodes.Status401Unauthorized,
            "Sign '{t}.{body}' with the wallet webhook secret; timestamps more than 5 minutes away are refused.")),
        WalletNotificationOutcome.Malformed => ApiProblems.MalformedJson("The signed body is not a wallet payment notification."),
        _ => ApiResponse.Json(StatusCodes.Status200OK, new WalletNotificationView(outcome.ToString().ToLowerInvariant())),
    };

    private static ApiResponse NotFound(string detail) =>
        new ProblemView(ApiProblems.TypeUri("not-found"), "No such wallet route.", StatusCodes.Status404NotFound, detail);

    private static ApiResponse NotAwaitingBuyer(CheckoutState state, string detail) =>
        ApiProblems.Conflict("checkout.not_requires_action", detail, problem => problem with { CheckoutStatus = state.Phase.ToStatus() });
}
