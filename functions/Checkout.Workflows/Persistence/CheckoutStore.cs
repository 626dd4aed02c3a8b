using System.Text;
using Azure.Data.Tables;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Persistence;

/// <summary>
/// The merchant-facing read model of the checkouts: one row per checkout in its merchant's partition, written when the
/// checkout starts and by its orchestration before each wait and at the end. Workflow state proper lives in the task
/// hub; this is what the status, list and buyer-event APIs read, with one point read or one partition query, never
/// touching another merchant's rows.
/// </summary>
public sealed class CheckoutStore
{
    /// <summary>Service pages one list call reads at most before answering with what it found and a token.</summary>
    public const int MaxListRoundTrips = 5;

    private readonly TableClient _table;

    public CheckoutStore(TableServiceClient tables, CheckoutWorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        _table = tables.GetTableClient(options.CheckoutsTable);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<StoredCheckout?> GetAsync(string merchantId, string checkoutId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(merchantId, checkoutId, cancellationToken);
        return row is null ? null : CheckoutRowMapper.ToCheckout(row);
    }

    /// <summary>Writes a new checkout's first row; false when one with the same id exists already (a retried start).</summary>
    public async Task<bool> CreateAsync(CheckoutState state, IReadOnlyList<HistoryEntry> timeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            await _table.AddEntityAsync(CheckoutRowMapper.ToRow(state, timeline), cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            return false;
        }
    }

    /// <summary>Replaces the row with the checkout as its orchestration now holds it. The orchestration records in
    /// order and a repeated record writes the same row, so the last write is the newest state.</summary>
    public async Task SaveAsync(CheckoutState state, IReadOnlyList<HistoryEntry> timeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var _ = await _table.UpsertEntityAsync(CheckoutRowMapper.ToRow(state, timeline), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// One page of a merchant's checkouts: a query on the merchant's partition alone, filtered by the row's columns.
    /// At most <see cref="MaxListRoundTrips"/> service pages are read per call; the returned token resumes the query.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token is not one this store issued.</exception>
    public async Task<CheckoutListPage> ListAsync(CheckoutListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = ListFilter(query);
        var checkouts = new List<CheckoutSummary>(query.PageSize);
        var token = query.ContinuationToken;
        for (var trip = 0; trip < MaxListRoundTrips && checkouts.Count < query.PageSize; trip++)
        {
            // A new query per service page, so $top never asks for more than the page still has room for.
            IAsyncEnumerable<TablePage> pages;
            try
            {
                pages = _table.QueryPagesAsync(filter, query.PageSize - checkouts.Count, token, CheckoutRowMapper.SummaryColumns, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException("The continuation token is not one this list issued.", nameof(query), ex);
            }

            await using var page = pages.GetAsyncEnumerator(cancellationToken);
            await page.MoveNextAsync();
            checkouts.AddRange(page.Current.Entities.Select(CheckoutRowMapper.ToSummary));
            token = page.Current.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        return new CheckoutListPage(checkouts, token);
    }

    private static string ListFilter(CheckoutListQuery query)
    {
        var filter = new StringBuilder(TableClient.CreateQueryFilter($"PartitionKey eq {query.MerchantId}"));
        if (query.Statuses.Count > 0)
        {
            filter.Append(" and (").AppendJoin(" or ", query.Statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s}"))).Append(')');
        }

        if (query.CreatedFrom is { } from)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"CreatedAt lt {to}"));
        }

        return filter.ToString();
    }
}
