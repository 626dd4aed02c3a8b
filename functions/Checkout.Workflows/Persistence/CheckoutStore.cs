using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Checkout.Workflows.Serialization;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Persistence;

/// <summary>
/// One table partition per checkout: the state row (guarded by its ETag), numbered history rows and outbox rows.
/// Every transition writes all three in one entity-group transaction, so a checkout is never half-changed.
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

    /// <summary>
    /// Reads the state row alone, by its keys. Outbox rows are not read back: the transition that wrote them dispatches
    /// them, and the <see cref="Runtime.OutboxSweeper"/> resends what a crash left. A point read is also the cheapest
    /// request a table serves (Azurite answers every range query by scanning the whole table).
    /// </summary>
    public async Task<StoredCheckout?> GetAsync(string checkoutId, CancellationToken cancellationToken)
    {
        var stateRow = await _table.GetEntityOrNullAsync(checkoutId, CheckoutRows.StateRowKey, cancellationToken);
        return stateRow is null ? null : new StoredCheckout(CheckoutRowMapper.ToState(stateRow), stateRow.ETag);
    }

    /// <summary>Writes a new checkout; false when one with the same id already exists.</summary>
    public async Task<bool> CreateAsync(CheckoutTransition transition, CancellationToken cancellationToken)
    {
        var actions = BuildActions(transition, new TableTransactionAction(TableTransactionActionType.Add, CheckoutRowMapper.ToStateRow(transition.State)));
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is null or 0)
        {
            return false;
        }
    }

    /// <summary>Commits a transition if nobody else did since <paramref name="current"/> was read.</summary>
    /// <exception cref="TransitionConflictException">The ETag no longer matches: re-read and re-decide.</exception>
    public async Task CommitAsync(StoredCheckout current, CheckoutTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var update = new TableTransactionAction(TableTransactionActionType.UpdateReplace, CheckoutRowMapper.ToStateRow(transition.State), current.ETag);
        try
        {
            await _table.SubmitTransactionAsync(BuildActions(transition, update), cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            // 412: the state row changed. 409: another worker already wrote this sequence's history row.
            throw new TransitionConflictException($"Checkout {current.State.Id} changed since sequence {current.State.Sequence}.", ex);
        }
    }

    /// <summary>Deletes sent outbox rows. Rows already gone (the sweeper sent them too) are fine.</summary>
    public async Task DeleteOutboxAsync(string checkoutId, IReadOnlyList<OutboxMessage> sent, CancellationToken cancellationToken)
    {
        if (sent.Count == 0)
        {
            return;
        }

        var deletes = sent.Select(m => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(checkoutId, m.RowKey), ETag.All)).ToList();
        try
        {
            await _table.SubmitTransactionAsync(deletes, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (StorageErrors.IsNotFound(ex))
        {
            foreach (var message in sent)
            {
                await DeleteIgnoringMissingAsync(checkoutId, message.RowKey, cancellationToken);
            }
        }
    }

    public async IAsyncEnumerable<HistoryEntry> GetHistoryAsync(string checkoutId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {checkoutId} and RowKey ge {CheckoutRows.HistoryPrefix} and RowKey lt {"h."}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return CheckoutRowMapper.ToHistory(row);
        }
    }

    /// <summary>
    /// One page of a merchant's checkouts, by the state rows' columns, as Durable's Azure Storage provider lists
    /// instances from its Instances table. No partition key narrows the query: the service scans the whole table
    /// (every checkout's state, history and outbox rows) in key order, so a listing costs reads in proportion to all
    /// checkouts of all merchants, and a selective filter yields sparse or empty pages. At most
    /// <see cref="MaxListRoundTrips"/> service pages are read per call; the returned token resumes the scan.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token is not one this store issued.</exception>
    public async Task<CheckoutListPage> ListAsync(CheckoutListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = ListFilter(query);
        var select = CheckoutRowMapper.SummaryColumns.Prepend("PartitionKey").ToList();
        var checkouts = new List<CheckoutSummary>(query.PageSize);
        var token = query.ContinuationToken;
        for (var trip = 0; trip < MaxListRoundTrips && checkouts.Count < query.PageSize; trip++)
        {
            // A new query per service page, so $top never asks for more than the page still has room for.
            IAsyncEnumerable<TablePage> pages;
            try
            {
                pages = _table.QueryPagesAsync(filter, query.PageSize - checkouts.Count, token, select, cancellationToken);
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

    /// <summary>Outbox rows written before <paramref name="olderThan"/> and still here: left by a crash between commit
    /// and send. Age by <c>WrittenAt</c> (the workflow clock, not the storage timestamp), so a timer row due in 15
    /// minutes is resent, with its remaining delay, as soon as any other row of its transition; rows written before
    /// that column existed count from their due time.</summary>
    public async IAsyncEnumerable<(string CheckoutId, OutboxMessage Message)> FindStaleOutboxAsync(
        DateTimeOffset olderThan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {CheckoutRows.OutboxPrefix} and RowKey lt {"o."} and (WrittenAt lt {olderThan} or VisibleAt lt {olderThan})");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return (row.PartitionKey, CheckoutRowMapper.ToOutbox(row));
        }
    }

    private static string ListFilter(CheckoutListQuery query)
    {
        var filter = new StringBuilder(TableClient.CreateQueryFilter($"RowKey eq {CheckoutRows.StateRowKey} and MerchantId eq {query.MerchantId}"));
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

    private static List<TableTransactionAction> BuildActions(CheckoutTransition transition, TableTransactionAction stateAction)
    {
        var actions = new List<TableTransactionAction>(1 + transition.History.Count + transition.Outbox.Count) { stateAction };
        actions.AddRange(transition.History.Select(h => new TableTransactionAction(TableTransactionActionType.Add, CheckoutRowMapper.ToHistoryRow(transition.State.Id, h))));
        actions.AddRange(transition.Outbox.Select(m => new TableTransactionAction(TableTransactionActionType.Add, CheckoutRowMapper.ToOutboxRow(transition.State.Id, m))));
        return actions;
    }

    // A row already deleted by the sweeper or a competing worker answers 404, which the SDK's delete treats as done.
    private async Task DeleteIgnoringMissingAsync(string checkoutId, string rowKey, CancellationToken cancellationToken)
    {
        using var _ = await _table.DeleteEntityAsync(checkoutId, rowKey, ETag.All, cancellationToken);
    }
}
