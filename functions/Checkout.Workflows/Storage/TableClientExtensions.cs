using Azure;
using Azure.Data.Tables;

namespace Checkout.Workflows.Storage;

/// <summary>The two table reads every store makes, in the shape the stores want them.</summary>
public static class TableClientExtensions
{
    /// <summary>One row by its keys (a point read, the cheapest request a table serves), or null when there is none.</summary>
    public static async Task<TableEntity?> GetEntityOrNullAsync(
        this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Service pages one list page reads at most before answering with what it found and a token: a filter that
    /// matches little may otherwise scan a whole partition in one request.</summary>
    public const int MaxRoundTripsPerListPage = 5;

    /// <summary>
    /// One page of a list: up to <paramref name="limit"/> rows of the query, resumed from <paramref name="continuationToken"/>,
    /// read from at most <see cref="MaxRoundTripsPerListPage"/> service pages, each asking only for the room left. The
    /// page may hold fewer rows than the limit, even none, and still carry a token (the service stops at its own page
    /// and time limits); a null token ends the list, so a caller following tokens never loops.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token is not one these lists issued (thrown at once).</exception>
    public static async Task<TablePage> ReadListPageAsync(
        this TableClient table, string filter, int limit, string? continuationToken, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _ = ListContinuationToken.ToSdk(continuationToken);
        var rows = new List<TableEntity>(limit);
        var token = continuationToken;
        for (var trip = 0; trip < MaxRoundTripsPerListPage && rows.Count < limit; trip++)
        {
            // A new query per service page, so $top never asks for more than the page still has room for.
            await using var pages = table.QueryPagesAsync(filter, limit - rows.Count, token, select, cancellationToken).GetAsyncEnumerator(cancellationToken);
            if (!await pages.MoveNextAsync())
            {
                return new TablePage(rows, null);
            }

            rows.AddRange(pages.Current.Entities);
            token = pages.Current.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        return new TablePage(rows, token);
    }

    /// <summary>
    /// The query's service pages in order, resumed from <paramref name="continuationToken"/> (a
    /// <see cref="ListContinuationToken"/> a previous page carried). A page may be empty yet carry a token; the last
    /// page's token is null.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token is not one these lists issued (thrown at once).</exception>
    public static IAsyncEnumerable<TablePage> QueryPagesAsync(
        this TableClient table, string filter, int maxPerPage, string? continuationToken = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sdkToken = ListContinuationToken.ToSdk(continuationToken);
        return Pages(table.QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken).AsPages(sdkToken, maxPerPage));

        static async IAsyncEnumerable<TablePage> Pages(IAsyncEnumerable<Page<TableEntity>> pages)
        {
            await foreach (var page in pages)
            {
                yield return new TablePage(page.Values, ListContinuationToken.FromSdk(page.ContinuationToken));
            }
        }
    }
}
