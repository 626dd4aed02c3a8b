using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Providers;

namespace Checkout.Functions.Api.Payouts;

/// <summary><c>/api/payout-destination</c>: where payouts go. Setting it retries every failed, canceled or pending
/// payout of the merchant, so funds held back by a bad account move as soon as a good one is given.</summary>
internal static class PayoutDestinationHandlers
{
    public static Task<IResult> PutAsync(
        HttpContext context,
        PayoutDestinationStore destinations,
        MerchantProfileStore profiles,
        PayoutRetrying retries,
        IdempotentPost idempotent,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(idempotent);
        return MerchantWrite.HandleAsync(context, async write =>
        {
            var (merchant, key, body) = (write.MerchantId, write.IdempotencyKey, write.Body);
            var (destination, problem) = PayoutDestinationParser.Parse(body.Root);
            if (destination is null)
            {
                return problem!;
            }

            // Payouts are made from the merchant's balance, which is kept in its settlement currency: an account in
            // another currency would need a conversion at payout that the ledger does not post.
            var settlement = (await profiles.GetAsync(merchant, cancellationToken))?.SettlementCurrency;
            if (settlement is { } balance && balance != destination.Currency)
            {
                return ApiProblems.Validation([new ApiFieldError("#/currency", $"Your balance settles in {balance.Value}: payouts can go only to an account in {balance.Value}.")]);
            }

            return await idempotent.RunAsync(context.Request, merchant, key, body.Bytes, async () =>
            {
                await destinations.SetAsync(merchant, destination, clock.GetUtcNow(), cancellationToken);
                var retried = await retries.RetryAllAsync(merchant, cancellationToken);
                var livemode = context.RequestServices.GetRequiredService<ProviderMode>().LiveMode;
                var view = PayoutViews.Destination(PayoutViews.Summary(destination), retried.Select(p => PayoutViews.Payout(p, livemode)).ToList());
                return ApiResponse.Json(StatusCodes.Status200OK, view);
            }, cancellationToken);
        }, cancellationToken);
    }

    public static async Task<IResult> GetAsync(HttpContext context, PayoutDestinationStore destinations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        var destination = await destinations.GetAsync(MerchantAuthentication.MerchantOf(context), cancellationToken);
        return destination is null
            ? PayoutProblems.NotFound("payout destination", "payout-destination")
            : ApiResponse.Json(StatusCodes.Status200OK, PayoutViews.Destination(destination, []));
    }
}
