using Checkout.Domain.Payouts;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Providers;

namespace Checkout.Functions.Api.Payouts;

/// <summary><c>/api/balances</c> and <c>/api/payouts</c>: what the merchant has, what it was paid, and retrying a
/// failed payout. A payout of another merchant answers 404, as an unknown id does (lookups stay in the caller's partition).</summary>
internal static class PayoutHandlers
{
    public const string ListName = "payouts";

    public static async Task<IResult> BalancesAsync(HttpContext context, LedgerStore ledger, MerchantProfileStore profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(profiles);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var balances = await ledger.GetBalancesAsync(merchant, cancellationToken);
        var profile = await profiles.GetAsync(merchant, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, PayoutViews.Balances(merchant, balances, profile?.SettlementCurrency));
    }

    public static async Task<IResult> ListAsync(HttpContext context, PayoutStore payouts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(payouts);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var query = new QueryReader(context.Request.Query);
        var page = PageRequest.Read(query, ListName, merchant, []);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        try
        {
            var (found, next) = await payouts.ListPageAsync(merchant, page.Limit, page.After, cancellationToken);
            return PagedListResponse.For(context.Request, page, found.Select(p => PayoutViews.Payout(p, LiveMode(context))).ToList(), next);
        }
        catch (ArgumentException) when (page.After is not null)
        {
            return PageRequest.BadCursor();
        }
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, PayoutStore payouts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payouts);
        var payout = IsPayoutId(id) ? await payouts.GetAsync(MerchantAuthentication.MerchantOf(context), id, cancellationToken) : null;
        return payout is null ? PayoutNotFound(id) : ApiResponse.Json(StatusCodes.Status200OK, PayoutViews.Payout(payout, LiveMode(context)));
    }

    public static async Task<IResult> RetryAsync(HttpContext context, string id, PayoutRetrying retries, IdempotentPost idempotent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(idempotent);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var (key, requestProblem) = await IdempotentPost.ReadActionAsync(context.Request, cancellationToken);
        if (requestProblem is not null)
        {
            return requestProblem;
        }

        if (!IsPayoutId(id))
        {
            return PayoutNotFound(id);
        }

        return await idempotent.RunAsync(context.Request, merchant, key, [], () => RetryAsync(retries, merchant, id, LiveMode(context), payoutId => CheckoutLinks.Absolute(context.Request, PayoutApiFunctions.PayoutsRoute + "/" + Uri.EscapeDataString(payoutId)), cancellationToken), cancellationToken);
    }

    private static async Task<ApiResponse> RetryAsync(
        PayoutRetrying retries, string merchant, string id, bool livemode, Func<string, string> location, CancellationToken cancellationToken)
    {
        var result = await retries.RetryAsync(merchant, id, cancellationToken);
        return result switch
        {
            { Outcome: PayoutRetryOutcome.NotFound } => PayoutNotFound(id),
            { Outcome: PayoutRetryOutcome.NotRetryable, Payout: { } payout } => PayoutProblems.NotRetryable(id, payout.Status.ToWire()),
            { Payout: { } payout } => ApiResponse.Json(StatusCodes.Status202Accepted, PayoutViews.Payout(payout, livemode), location(payout.Id)),
            _ => throw new InvalidOperationException($"Retry of {id} answered {result.Outcome} without a payout."),
        };
    }

    /// <summary>Payout ids derive from checkout ids (<c>{checkoutId}-payout</c>); anything unlike that is simply unknown.</summary>
    public static bool IsPayoutId(string id) => id is { Length: > 7 and <= 200 } && id.EndsWith("-payout", StringComparison.Ordinal) && id.All(c => c is > ' ' and < '\x7f' and not '/' and not '\\' and not '#' and not '?');

    public static ApiResponse PayoutNotFound(string id) => PayoutProblems.NotFound("payout", id);

    private static bool LiveMode(HttpContext context) => context.RequestServices.GetRequiredService<ProviderMode>().LiveMode;
}
