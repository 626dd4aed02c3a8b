using Checkout.Functions.Api;
using Checkout.Functions.Api.Payouts;
using Checkout.Functions.OpenApi;

namespace Checkout.Functions;

/// <summary>The payout and balance routes: the merchant's behind its API key, the rail's webhook behind its signature.</summary>
internal static class PayoutApi
{
    public const string PayoutsRoute = "/api/payouts";
    public const string BalancesRoute = "/api/balances";
    public const string DestinationRoute = "/api/payout-destination";
    public const string RailEventsRoute = "/api/payout-rail/events";

    public static WebApplication MapPayoutApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapMerchantApiGroup();
        api.MapGet(BalancesRoute, PayoutFunctions.BalancesAsync)
            .Describe("GetBalances", "Get balances", "Per settlement currency: available on the merchant balance and in transit to the bank, from the ledger.")
            .Produces<BalancesView>(StatusCodes.Status200OK);
        api.MapGet(PayoutsRoute, PayoutFunctions.ListAsync)
            .Describe("ListPayouts", "List payouts", "The merchant's payouts in id order, paged with limit (1-100, default 20) and cursor (nextCursor of the previous page).")
            .Produces<PayoutListView>(StatusCodes.Status200OK).ProducesProblems(400);
        api.MapGet(PayoutsRoute + "/{id}", PayoutFunctions.GetAsync)
            .Describe("GetPayout", "Get a payout", "One payout; another merchant's is 404, as an unknown id is.")
            .Produces<PayoutView>(StatusCodes.Status200OK).ProducesProblems(404);
        api.MapPost(PayoutsRoute + "/{id}/retry", PayoutFunctions.RetryAsync)
            .Describe("RetryPayout", "Retry a payout", "A failed or canceled payout is sent again as a new attempt (a pending one is re-sent); 409 when in transit or paid.")
            .Produces<PayoutView>(StatusCodes.Status202Accepted).AcceptsIdempotencyKey().ProducesProblems(400, 404, 409, 422);
        api.MapPut(DestinationRoute, PayoutDestinationFunctions.PutAsync)
            .Describe("SetPayoutDestination", "Set the payout destination", "The bank account payouts go to; failed, canceled and pending payouts are retried to it.")
            .DocumentsJsonBody<PayoutDestinationRequest>()
            .Produces<PayoutDestinationView>(StatusCodes.Status200OK).AcceptsIdempotencyKey().ProducesProblems(400, 409, 413, 415, 422);
        api.MapGet(DestinationRoute, PayoutDestinationFunctions.GetAsync)
            .Describe("GetPayoutDestination", "Get the payout destination", "The account number is shown masked; 404 until one is set.")
            .Produces<PayoutDestinationView>(StatusCodes.Status200OK).ProducesProblems(404);
        app.MapPost(RailEventsRoute, RailWebhookFunction.ReceiveAsync)
            .Describe("ReceivePayoutRailEvent", "Receive a payout rail event", "For the payout rail, not merchants: a status update signed with Rail-Signature (t=..,v1=hex HMAC-SHA256 of \"t.body\"); 401 when the signature is missing, wrong or older than 5 minutes.")
            .Produces(StatusCodes.Status200OK).ProducesProblems(400, 401, 413);
        return app;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, string description) =>
        builder.WithName(name).WithSummary(summary).WithDescription(description).WithTags(CheckoutDocumentTransformer.PayoutsTag);
}
