using Azure;
using Azure.Data.Tables;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Deliveries, one partition per merchant, newest first (see <see cref="WebhookIds.DeliveryId"/>). A fan-out adds its
/// deliveries' rows, first attempts included, in one batch per merchant (<see cref="AddAllAsync"/>); each later attempt
/// rewrites the delivery's row under its ETag; a worker that loses the race re-reads the row and records its attempt
/// again on top (see <see cref="WebhookDeliveryHandler"/>), so two workers racing on one attempt both appear.
/// </summary>
public sealed class WebhookDeliveryStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    /// <summary>Attempts kept on the row; older ones are dropped (the count stays exact) to respect the entity size limit.</summary>
    public const int MaxAttemptsKept = 50;

    /// <summary>The service's limit of actions in one batch.</summary>
    private const int MaxBatchRows = 100;

    /// <summary>What a batch may hold by the rows' estimated size, under the service's 4 MiB per batch: a payload may be
    /// 64 KiB, a third more once base64-encoded, so a hundred large ones would not fit.</summary>
    private const int MaxBatchBytes = 3 * 1024 * 1024;

    private readonly TableClient _table = tables.GetTableClient(options.WebhookDeliveriesTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>False when the delivery exists already (its event was fanned out before), which is left as it is.</summary>
    public async Task<bool> AddAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(WebhookDeliveryRows.ToRow(delivery), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            return false;
        }
    }

    /// <summary>
    /// Adds the rows, one batch per merchant (chunked to the service's limits): one request where adding each row would
    /// be one per delivery. Answers the deliveries whose rows existed already, left as they were: a batch holding one is
    /// refused whole, and its rows are then added one by one. The ids must be distinct (a batch refuses a repeated row).
    /// </summary>
    public async Task<IReadOnlyList<WebhookDelivery>> AddAllAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var batches = deliveries.GroupBy(d => d.MerchantId, StringComparer.Ordinal).SelectMany(Batches);
        var existed = await Task.WhenAll(batches.Select(batch => AddBatchAsync(batch, cancellationToken)));
        return [.. existed.SelectMany(e => e)];
    }

    public async Task<(WebhookDelivery Delivery, ETag ETag)?> GetAsync(string merchantId, string deliveryId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(merchantId, deliveryId, cancellationToken);
        return row is null ? null : (WebhookDeliveryRows.FromRow(row), row.ETag);
    }

    /// <summary>Replaces the row if unchanged since read; false when another worker changed it first.</summary>
    public async Task<bool> UpdateAsync(WebhookDelivery delivery, ETag etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var kept = delivery.Attempts.Count > MaxAttemptsKept ? delivery with { Attempts = delivery.Attempts.TakeLast(MaxAttemptsKept).ToList() } : delivery;
        try
        {
            await _table.UpdateEntityAsync(WebhookDeliveryRows.ToRow(kept), etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsPreconditionFailed(ex) || StorageErrors.IsNotFound(ex))
        {
            return false;
        }
    }

    /// <summary>One page of the merchant's deliveries, newest first, optionally filtered; the token resumes after it (see
    /// <see cref="TableClientExtensions.ReadListPageAsync"/>: a filtered page may be short, even empty, and still continue).</summary>
    /// <exception cref="ArgumentException">The continuation token is not one these lists issued.</exception>
    public async Task<(IReadOnlyList<WebhookDelivery> Items, string? ContinuationToken)> ListAsync(
        string merchantId, WebhookDeliveryFilter filter, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = await _table.ReadListPageAsync(filter.ToODataFilter(merchantId), limit, continuationToken, null, cancellationToken);
        return ([.. page.Entities.Select(WebhookDeliveryRows.FromRow)], page.ContinuationToken);
    }

    private async Task<IReadOnlyList<WebhookDelivery>> AddBatchAsync(IReadOnlyList<WebhookDelivery> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(batch.Select(d => new TableTransactionAction(TableTransactionActionType.Add, WebhookDeliveryRows.ToRow(d))), cancellationToken);
            return [];
        }
        catch (TableTransactionFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            var added = await Task.WhenAll(batch.Select(d => AddAsync(d, cancellationToken)));
            return [.. batch.Where((_, i) => !added[i])];
        }
    }

    private static IEnumerable<IReadOnlyList<WebhookDelivery>> Batches(IEnumerable<WebhookDelivery> partition)
    {
        var batch = new List<WebhookDelivery>();
        var bytes = 0;
        foreach (var delivery in partition)
        {
            var size = EstimatedBytes(delivery);
            if (batch.Count == MaxBatchRows || (batch.Count > 0 && bytes + size > MaxBatchBytes))
            {
                yield return batch;
                (batch, bytes) = ([], 0);
            }

            batch.Add(delivery);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>The payload base64-encoded, plus room for the other columns and a few attempts.</summary>
    private static int EstimatedBytes(WebhookDelivery delivery) => checked((delivery.Payload.Length + 2) / 3 * 4 + 4096);
}
