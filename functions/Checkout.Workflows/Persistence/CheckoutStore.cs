using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Persistence;

/// <summary>
/// The merchant-facing read model of the checkouts: one row per checkout in its merchant's partition, written when the
/// checkout starts and by its orchestration before each wait and at the end. Workflow state proper lives in the task
/// hub; this is what the status, list and buyer-event APIs read, with one point read or one partition query, never
/// touching another merchant's rows. Beside each checkout row, in the same partition and written in the same batch, an
/// index row keyed by its merchant reference (<c>ref_{hash}_{checkoutId}</c>, after every <c>co_</c> id) makes a lookup
/// by reference a key-range read rather than a scan.
/// </summary>
public sealed class CheckoutStore
{
    private const string ReferenceRowPrefix = "ref_";
    private const string SequenceColumn = "Sequence";
    private const string StatusColumn = "Status";

    private static readonly FrozenSet<string> EndedStatuses = Enum.GetValues<CheckoutPhase>()
        .Where(phase => phase.HasEnded())
        .Select(phase => phase.ToStatus())
        .ToFrozenSet(StringComparer.Ordinal);

    private readonly TableClient _table;

    public CheckoutStore(TableServiceClient tables, CheckoutWorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        _table = tables.GetTableClient(options.CheckoutsTable);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<StoredCheckout?> GetAsync(string merchantId, string checkoutId, CancellationToken cancellationToken) =>
        (await GetWithETagAsync(merchantId, checkoutId, cancellationToken))?.Checkout;

    /// <summary>The checkout as stored and the row's ETag, for a writer that compares before it replaces.</summary>
    public async Task<(StoredCheckout Checkout, string? ETag)?> GetWithETagAsync(string merchantId, string checkoutId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(merchantId, checkoutId, cancellationToken);
        return row is null ? null : (CheckoutRowMapper.ToCheckout(row), row.ETag.ToString());
    }

    /// <summary>Replaces the row only if it is still the one written with <paramref name="etag"/>, keeping
    /// <paramref name="assessment"/> (the assessment step's own record) beside the state. Returns the new ETag, or null
    /// when anything wrote the row since (then nothing is written: the caller finds out what).</summary>
    public async Task<string?> ReplaceIfUnchangedAsync(
        CheckoutState state, IReadOnlyList<HistoryEntry> timeline, RecordedAssessment? assessment, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            using var replaced = await _table.UpdateEntityAsync(
                CheckoutRowMapper.ToRow(state, timeline, assessment), new Azure.ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return ETagOf(replaced);
        }
        catch (Azure.RequestFailedException ex) when (StorageErrors.IsPreconditionFailed(ex) || StorageErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <summary>Writes a new checkout's first row and its reference index row in one batch (one storage operation).
    /// Returns the checkout row's ETag (handed to the orchestration, so its first record replaces the row without
    /// reading it first); <see cref="CheckoutCreation.Existed"/> when a checkout with the same id exists already (a
    /// retried start).</summary>
    public async Task<CheckoutCreation> CreateAsync(CheckoutState state, IReadOnlyList<HistoryEntry> timeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            List<TableTransactionAction> rows = [new(TableTransactionActionType.Add, CheckoutRowMapper.ToRow(state, timeline))];
            if (!string.IsNullOrEmpty(state.MerchantReference))
            {
                rows.Add(new(TableTransactionActionType.Add, ReferenceRow(state.MerchantId, state.MerchantReference, state.Id)));
            }

            var responses = await _table.SubmitTransactionAsync(rows, cancellationToken);
            return new CheckoutCreation(Created: true, ETagOf(responses.Value[0]));
        }
        catch (Azure.RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            return CheckoutCreation.Existed;
        }
    }

    /// <summary>
    /// Replaces the row with the checkout as its orchestration now holds it, unless the row already holds a later state
    /// (a higher sequence). The orchestration records in order, but an activity runs at least once: a copy of an
    /// earlier record can run again after a later one (its message redelivered when the process that held it was
    /// killed), and must not take the checkout back. One rule comes before sequences: a checkout that has ended replaces
    /// a row that has not, and is never replaced by one. An ended checkout goes nowhere else, so this takes nothing
    /// back, and it is how the orchestration's end overrules a step's own record of a state the orchestration never
    /// reached (the assessment recorded <c>awaiting_confirmation</c> while a cancel ended the checkout). With
    /// <paramref name="etag"/>, the ETag of the orchestration's own last write, the row is replaced under it in one
    /// operation; only when something else wrote since (that late copy, a step's own record) or none is known is the
    /// row read first, compared and the replace made under the ETag read. Returns the ETag of the row as written, null
    /// when the row was left as it was.
    /// </summary>
    public async Task<string?> SaveAsync(CheckoutState state, IReadOnlyList<HistoryEntry> timeline, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (etag is not null && await ReplaceIfUnchangedAsync(state, timeline, assessment: null, etag, cancellationToken) is { } replacedUnderOurs)
        {
            return replacedUnderOurs;
        }

        // Written by someone else since our last write, or no write of ours known: decide by what the row holds.
        var row = CheckoutRowMapper.ToRow(state, timeline);

        while (true)
        {
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(state.MerchantId, state.Id, [SequenceColumn, StatusColumn], cancellationToken);
            try
            {
                if (!stored.HasValue)
                {
                    using var added = await _table.AddEntityAsync(row, cancellationToken);
                    return ETagOf(added);
                }

                if (!Supersedes(state, stored.Value!.GetInt32(SequenceColumn) ?? 0, stored.Value.GetString(StatusColumn)))
                {
                    return null;
                }

                using var replaced = await _table.UpdateEntityAsync(row, stored.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return ETagOf(replaced);
            }
            catch (Azure.RequestFailedException ex) when (StorageErrors.IsPreconditionFailed(ex) || StorageErrors.IsAlreadyExists(ex))
            {
                // Another record wrote in between: read again and decide again.
            }
        }
    }

    /// <summary>Whether <paramref name="state"/> may replace the stored row: an end replaces a row that has not ended,
    /// never the reverse; otherwise the later sequence wins (a repeat of the same one is written again).</summary>
    private static bool Supersedes(CheckoutState state, int storedSequence, string? storedStatus)
    {
        var storedEnded = storedStatus is not null && EndedStatuses.Contains(storedStatus);
        return state.Phase.HasEnded() == storedEnded ? storedSequence <= state.Sequence : !storedEnded;
    }

    private static string? ETagOf(Azure.Response response) => response.Headers.ETag?.ToString();

    /// <summary>
    /// One page of a merchant's checkouts: a query on the merchant's partition alone, filtered by the row's columns.
    /// At most <see cref="TableClientExtensions.MaxRoundTripsPerListPage"/> service pages are read per call; the returned
    /// token resumes the query.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation token is not one this store issued.</exception>
    public async Task<CheckoutListPage> ListAsync(CheckoutListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.MerchantReference is { } reference && query.MerchantId is { } merchantId)
        {
            return await ListByReferenceAsync(query, merchantId, reference, cancellationToken);
        }

        TablePage page;
        try
        {
            page = await _table.ReadListPageAsync(ListFilter(query), query.PageSize, query.ContinuationToken, CheckoutRowMapper.SummaryColumns, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("The continuation token is not one this list issued.", nameof(query), ex);
        }

        return new CheckoutListPage([.. page.Entities.Select(CheckoutRowMapper.ToSummary)], page.ContinuationToken);
    }

    /// <summary>Every merchant's checkouts in one status, whole (state and timeline), for operators: a query across
    /// partitions on the status column, at most <paramref name="limit"/> (the status needs_attention: a few).</summary>
    public async Task<IReadOnlyList<StoredCheckout>> ListAllInStatusAsync(string status, int limit, CancellationToken cancellationToken)
    {
        var found = new List<StoredCheckout>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey lt {ReferenceRowPrefix} and Status eq {status}"), Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            found.Add(CheckoutRowMapper.ToCheckout(row));
            if (found.Count >= limit)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>Every merchant's checkouts updated since <paramref name="since"/>, summary columns only, for operators'
    /// activity chart: one query across partitions.</summary>
    public async IAsyncEnumerable<CheckoutSummary> ListAllUpdatedSinceAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey lt {ReferenceRowPrefix} and UpdatedAt ge {since}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, 1000, CheckoutRowMapper.SummaryColumns, cancellationToken))
        {
            yield return CheckoutRowMapper.ToSummary(row);
        }
    }

    /// <summary>Any merchant's checkout by its id, for operators: a query for the id across every merchant's partition
    /// (ids are unique), then the row. Null when there is none.</summary>
    public async Task<StoredCheckout?> FindAnyAsync(string checkoutId, CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {checkoutId}"), 1, ["PartitionKey"], cancellationToken))
        {
            return await GetAsync(row.PartitionKey, checkoutId, cancellationToken);
        }

        return null;
    }

    /// <summary>The checkouts with one merchant reference: a key-range read of its index rows, then a point read of each
    /// checkout's summary columns (references are meant to be unique, so usually one), filtered as the list is.</summary>
    private async Task<CheckoutListPage> ListByReferenceAsync(CheckoutListQuery query, string merchantId, string reference, CancellationToken cancellationToken)
    {
        var prefix = ReferencePrefix(reference);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {prefix} and RowKey lt {prefix + '~'}");
        IAsyncEnumerable<TablePage> pages;
        try
        {
            pages = _table.QueryPagesAsync(filter, query.PageSize, query.ContinuationToken, ["CheckoutId", "MerchantReference"], cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("The continuation token is not one this list issued.", nameof(query), ex);
        }

        await using var page = pages.GetAsyncEnumerator(cancellationToken);
        await page.MoveNextAsync();
        var ids = page.Current.Entities
            .Where(row => row.GetString("MerchantReference") == reference)
            .Select(row => row.GetString("CheckoutId"))
            .OfType<string>();
        var checkouts = new List<CheckoutSummary>();
        foreach (var id in ids)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(merchantId, id, CheckoutRowMapper.SummaryColumns, cancellationToken);
            if (row.HasValue && row.Value is { } checkout && Matches(CheckoutRowMapper.ToSummary(checkout), query))
            {
                checkouts.Add(CheckoutRowMapper.ToSummary(checkout));
            }
        }

        return new CheckoutListPage(checkouts, page.Current.ContinuationToken);
    }

    private static bool Matches(CheckoutSummary checkout, CheckoutListQuery query) =>
        (query.Statuses.Count == 0 || query.Statuses.Contains(checkout.Status))
        && (query.CreatedFrom is not { } from || checkout.CreatedAt >= from)
        && (query.CreatedTo is not { } to || checkout.CreatedAt < to);

    private static TableEntity ReferenceRow(string merchantId, string reference, string checkoutId) =>
        new(merchantId, ReferencePrefix(reference) + checkoutId)
        {
            ["CheckoutId"] = checkoutId,
            ["MerchantReference"] = reference,
        };

    /// <summary>A reference may hold characters a row key cannot ('/', '#', '?'), so the key carries its hash; the row
    /// carries the reference itself, compared exactly on read.</summary>
    private static string ReferencePrefix(string reference) =>
        ReferenceRowPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference)))[..40] + "_";

    private static string ListFilter(CheckoutListQuery query)
    {
        // Checkout ids start "co_"; the reference index rows ("ref_...") sort after them and are not checkouts. Without
        // a merchant (an operator's list) the query crosses every merchant's partition, and a reference is a column filter.
        var filter = new StringBuilder(query.MerchantId is { } merchantId
            ? TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey lt {ReferenceRowPrefix}")
            : TableClient.CreateQueryFilter($"RowKey lt {ReferenceRowPrefix}"));
        if (query.MerchantId is null && query.MerchantReference is { } reference)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"MerchantReference eq {reference}"));
        }

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

/// <summary>What <see cref="CheckoutStore.CreateAsync"/> did: wrote the row (with its ETag, when the service gave one)
/// or found it written already.</summary>
public sealed record CheckoutCreation(bool Created, string? ETag)
{
    public static CheckoutCreation Existed { get; } = new(false, null);
}
