using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Refunds;

namespace Checkout.Functions.Api;

/// <summary><c>GET /api/checkouts/{id}</c>: 202 with Location and Retry-After while the workflow runs, 200 once it has
/// ended, as Durable's status query does; <c>?showHistory=true</c> adds the history. A completed checkout's refunds
/// cost one more read (its rows in the refunds table, one range query).</summary>
internal static class CheckoutStatusHandler
{
    public const int RetryAfterSeconds = 2;

    public static async Task<IResult> GetAsync(
        HttpContext context, string id, CheckoutStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = new QueryReader(context.Request.Query);
        var showHistory = query.Single("showHistory");
        if (showHistory is not null && !bool.TryParse(showHistory, out _))
        {
            query.Fail("showHistory", "Must be true or false.");
        }

        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var stored = await OwnedCheckouts.FindAsync(store, MerchantAuthentication.MerchantOf(context), id, cancellationToken);
        if (stored is null)
        {
            return ApiProblems.NotFound(id);
        }

        var history = showHistory is not null && bool.Parse(showHistory) ? stored.Timeline : null;
        var state = stored.State;
        var links = CheckoutLinks.For(context.Request, id);
        var refunds = await RefundsAsync(context, state, cancellationToken);
        var body = CheckoutViews.Status(state, links, history, refunds, context.RequestServices.GetRequiredService<ProviderMode>().LiveMode);
        return state.Phase.IsTerminal()
            ? ApiResponse.Json(StatusCodes.Status200OK, body)
            : ApiResponse.Json(StatusCodes.Status202Accepted, body, links.StatusQueryGetUri, RetryAfterSeconds);
    }

    /// <summary>A completed checkout's refunds: one range query of its rows in the refunds table (none for any other).</summary>
    private static async Task<(Money Refunded, IReadOnlyList<Refund> Refunds)?> RefundsAsync(HttpContext context, CheckoutState state, CancellationToken cancellationToken)
    {
        if (state.Phase != CheckoutPhase.Completed || state.LandedCost is null)
        {
            return null;
        }

        var (summary, refunds) = await context.RequestServices.GetRequiredService<RefundStore>().ListAsync(state.MerchantId, state.Id, cancellationToken);
        return (summary?.Refunded ?? Money.Zero(state.LandedCost.Currency), refunds);
    }
}
