using Checkout.Functions.Api.Contracts;
using Microsoft.AspNetCore.Http.Extensions;

namespace Checkout.Functions.Api;

/// <summary>
/// Writes one page of any list: the <see cref="ListPage{T}"/> body and, while more follow, an RFC 8288
/// <c>Link: &lt;next page&gt;; rel="next"</c> header whose URL is the request's own, absolute, with its filters and
/// limit kept and the cursor replaced by the next one.
/// </summary>
internal static class PagedListResponse
{
    /// <param name="after">Where the next page resumes (the store's continuation), or null when this page is the last.</param>
    public static ApiResponse For<T>(HttpRequest request, PageRequest page, IReadOnlyList<T> data, string? after)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        var next = page.NextCursor(after);
        var response = ApiResponse.Json(StatusCodes.Status200OK, new ListPage<T>(data, next));
        return next is null ? response : response with { Link = $"<{NextPageUri(request, next)}>; rel=\"next\"" };
    }

    private static string NextPageUri(HttpRequest request, string cursor)
    {
        var query = new QueryBuilder(request.Query
            .Where(p => !string.Equals(p.Key, PageRequest.CursorParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty))))
        {
            { PageRequest.CursorParameter, cursor },
        };
        return CheckoutLinks.SameRoute(request, query.ToQueryString());
    }
}
