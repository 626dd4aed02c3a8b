using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;

namespace Checkout.Functions.Api;

/// <summary><c>GET /api/checkouts/{id}</c>: 202 with Location and Retry-After while the workflow runs, 200 once it has
/// ended, as Durable's status query does; <c>?showHistory=true</c> adds the history.</summary>
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
        var body = CheckoutViews.Status(state, links, history, context.RequestServices.GetRequiredService<ProviderMode>().LiveMode);
        return state.Phase.IsTerminal()
            ? ApiResponse.Json(StatusCodes.Status200OK, body)
            : ApiResponse.Json(StatusCodes.Status202Accepted, body, links.StatusQueryGetUri, RetryAfterSeconds);
    }
}
