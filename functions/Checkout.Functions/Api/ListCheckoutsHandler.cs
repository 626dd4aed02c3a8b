using Checkout.Functions.Api.Contracts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;

namespace Checkout.Functions.Api;

/// <summary><c>GET /api/checkouts</c>: the authenticated merchant's checkouts, a page at a time, paged as every list is
/// (<see cref="PageRequest"/>, <see cref="PagedListResponse"/>).</summary>
internal static class ListCheckoutsHandler
{
    public static async Task<IResult> ListAsync(HttpContext context, CheckoutStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var (query, page, problem) = CheckoutListQueryParser.Parse(context.Request, MerchantAuthentication.MerchantOf(context));
        if (query is null || page is null)
        {
            return problem!;
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

        var livemode = context.RequestServices.GetRequiredService<ProviderMode>().LiveMode;
        var checkouts = found.Checkouts
            .Select(c => new CheckoutSummaryView(c.Id, c.MerchantReference, c.Status, c.CreatedAt, c.UpdatedAt, CheckoutLinks.For(context.Request, c.Id).StatusQueryGetUri, livemode))
            .ToList();
        return PagedListResponse.For(context.Request, page, checkouts, found.ContinuationToken);
    }
}
