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
