using Azure;
using Azure.Data.Tables;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Deliveries, one partition per merchant, newest first (see <see cref="WebhookIds.DeliveryId"/>). Each attempt
/// rewrites the delivery's row under its ETag; a worker that loses the race re-reads the row and records its attempt
/// again on top (see <see cref="WebhookDeliveryHandler"/>), so two workers racing on one attempt both appear.
/// </summary>
public sealed class WebhookDeliveryStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    /// <summary>Attempts kept on the row; older ones are dropped (the count stays exact) to respect the entity size limit.</summary>
    public const int MaxAttemptsKept = 50;

    private readonly TableClient _table = tables.GetTableClient(options.WebhookDeliveriesTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>The new row's ETag, or null when the delivery exists already (a repeated fan-out).</summary>
    public async Task<ETag?> AddAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            return (await _table.AddEntityAsync(WebhookDeliveryRows.ToRow(delivery), cancellationToken)).Headers.ETag;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            return null;
        }
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
}
