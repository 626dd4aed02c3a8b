using Checkout.Functions.Api.Contracts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;

namespace Checkout.Functions.Api;

/// <summary><c>GET /api/checkouts</c>: the authenticated merchant's checkouts, a page at a time, the next page's token in
/// <c>x-ms-continuation-token</c> as Durable's instance list sends it.</summary>
internal static class ListCheckoutsHandler
{
    public static async Task<IResult> ListAsync(HttpContext context, CheckoutStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var (query, problem) = CheckoutListQueryParser.Parse(context.Request, MerchantAuthentication.MerchantOf(context));
        if (query is null)
        {
            return problem!;
        }

        CheckoutListPage page;
        try
        {
            page = await store.ListAsync(query, cancellationToken);
        }
        catch (ArgumentException ex) when (query.ContinuationToken is not null && ex.ParamName == "query")
        {
            return ApiProblems.BadQuery([new ApiFieldError("continuationToken", "Must be a token from a previous page.")]);
        }

        if (page.ContinuationToken is not null)
        {
            context.Response.Headers[CheckoutListQueryParser.ContinuationHeader] = page.ContinuationToken;
        }

        var livemode = context.RequestServices.GetRequiredService<ProviderMode>().LiveMode;
        var checkouts = page.Checkouts
            .Select(c => new CheckoutSummaryView(c.Id, c.MerchantReference, c.Status, c.CreatedAt, c.UpdatedAt, CheckoutLinks.For(context.Request, c.Id).StatusQueryGetUri, livemode))
            .ToList();
        return ApiResponse.Json(StatusCodes.Status200OK, new CheckoutListView(checkouts));
    }
}
