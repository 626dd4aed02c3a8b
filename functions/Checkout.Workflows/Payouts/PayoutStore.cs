using Azure;
using Azure.Data.Tables;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Payouts;

/// <summary>Payout rows (partition = merchant, row = payout id). Creation is insert-if-absent and every change is
/// guarded by the row's ETag, so two workers (a timer and a rail webhook) never both move one attempt.</summary>
public sealed class PayoutStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private readonly TableClient _table = tables.GetTableClient(options.PayoutsTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Records the payout unless it exists; either way returns the stored one (a redelivery gets the first).</summary>
    public async Task<Payout> CreateAsync(Payout payout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payout);
        try
        {
            var etag = (await _table.AddEntityAsync(PayoutRows.ToRow(payout), cancellationToken)).Headers.ETag;
            return payout with { ETag = etag };
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            return await GetAsync(payout.MerchantId, payout.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Payout {payout.Id} exists yet cannot be read.", ex);
        }
    }

    public async Task<Payout?> GetAsync(string merchantId, string payoutId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(merchantId, payoutId, cancellationToken);
        return row is null ? null : PayoutRows.FromRow(row);
    }

    /// <summary>Replaces the payout if nobody changed it since it was read; false when someone did (re-read and re-decide).</summary>
    public async Task<Payout?> TryUpdateAsync(Payout changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var etag = changed.ETag ?? throw new ArgumentException("Update a payout that was read (it needs its ETag).", nameof(changed));
        try
        {
            var next = (await _table.UpdateEntityAsync(PayoutRows.ToRow(changed), etag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
            return changed with { ETag = next };
        }
        catch (RequestFailedException ex) when (StorageErrors.IsPreconditionFailed(ex))
        {
            return null;
        }
    }

    /// <summary>One page of a merchant's payouts, in payout-id order, with the token that resumes after it (see
    /// <see cref="TableClientExtensions.ReadListPageAsync"/>: a page may be short and still continue).</summary>
    /// <exception cref="ArgumentException">The continuation token is not one these lists issued.</exception>
    public async Task<(IReadOnlyList<Payout> Payouts, string? Next)> ListPageAsync(string merchantId, int limit, string? continuation, CancellationToken cancellationToken)
    {
        var page = await _table.ReadListPageAsync(TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}"), limit, continuation, null, cancellationToken);
        return ([.. page.Entities.Select(PayoutRows.FromRow)], page.ContinuationToken);
    }

    /// <summary>The merchant's payouts a new destination should move: failed or canceled ones (retried) and pending ones (sent again).</summary>
    public async Task<IReadOnlyList<Payout>> ListRetryableAsync(string merchantId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and (Status eq {PayoutStatus.Failed.ToWire()} or Status eq {PayoutStatus.Canceled.ToWire()} or Status eq {PayoutStatus.Pending.ToWire()})");
        var payouts = new List<Payout>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            payouts.Add(PayoutRows.FromRow(row));
        }

        return payouts;
    }

    /// <summary>Every payout, for audits and tests.</summary>
    public async Task<IReadOnlyList<Payout>> ListAllAsync(CancellationToken cancellationToken)
    {
        var payouts = new List<Payout>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            payouts.Add(PayoutRows.FromRow(row));
        }

        return payouts;
    }
}
