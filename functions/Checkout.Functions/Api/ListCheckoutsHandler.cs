using Checkout.Functions.Api.Contracts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;

namespace Checkout.Functions.Api;

/// <summary><c>GET /api/checkouts</c>: the authenticated merchant's checkouts, a page at a time, paged as every list is
/// (<see cref="PageRequest"/>, <see cref="PagedListResponse"/>).</summary>
internal static class ListCheckoutsHandler
{
    public static Task<IResult> ListAsync(HttpContext context, CheckoutStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var livemode = context.RequestServices.GetRequiredService<ProviderMode>().LiveMode;
        return PageAsync(
            context,
            store,
            CheckoutListQueryParser.Parse(context.Request, MerchantAuthentication.MerchantOf(context)),
            c => new CheckoutSummaryView(c.Id, c.MerchantReference, c.Status, c.CreatedAt, c.UpdatedAt, CheckoutLinks.For(context.Request, c.Id).StatusQueryGetUri, livemode),
            cancellationToken);
    }

    /// <summary>One page of the checkouts a parsed list query asks for, each shown as <paramref name="view"/> makes it
    /// (the merchant's list and the operators' console differ only in their parser and view): the parser's problem, or
    /// 400 for a cursor this list did not issue.</summary>
    public static async Task<IResult> PageAsync<TView>(
        HttpContext context,
        CheckoutStore store,
        (CheckoutListQuery? Query, PageRequest? Page, ApiResponse? Problem) parsed,
        Func<CheckoutSummary, TView> view,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(view);
        if (parsed is not { Query: { } query, Page: { } page })
        {
            return parsed.Problem!;
        }

        CheckoutListPage found;
        try
        {
            found = await store.ListAsync(query, cancellationToken);
        }
        catch (ArgumentException ex) when (query.ContinuationToken is not null && ex.ParamName == "query")
        {
            return PageRequest.BadCursor();
        }

        return PagedListResponse.For(context.Request, page, found.Checkouts.Select(view).ToList(), found.ContinuationToken);
    }
}
