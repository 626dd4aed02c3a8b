using Azure;
using Azure.Data.Tables;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// Refunds of completed checkouts in Azure Tables (rows in <see cref="RefundRows"/>). A new refund reserves its amount
/// on the checkout's summary row, replaced with its ETag in the same entity-group batch that inserts the refund row:
/// both are written or neither, and of two refunds racing for the same remainder one batch fails on the ETag and
/// decides again against the other's reservation. Finishing a refund moves its amount from reserved to refunded (or
/// back to refundable when it failed) in one batch with its status change, and with the merchant's refund deficit
/// when the refund carries one to the next payout.
/// </summary>
public sealed class RefundStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private readonly TableClient _table = tables.GetTableClient(options.RefundsTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Creates a pending refund of <paramref name="amount"/> (everything that remains when null), or none when
    /// more is asked for than remains of <paramref name="captured"/>.</summary>
    public async Task<RefundReservation> ReserveAsync(
        string merchantId, string checkoutId, Money captured, Money? amount, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await _table.GetEntityOrNullAsync(merchantId, RefundRows.SummaryKey(checkoutId), cancellationToken);
            var summary = row is null ? RefundSummary.Empty(captured) : RefundRows.ToSummary(row);
            var asked = amount ?? summary.Remaining;
            if (asked.IsZero || asked.IsNegative || asked > summary.Remaining)
            {
                return new RefundReservation(null, summary.Remaining, !summary.Reserved.IsZero);
            }

            var refund = new Refund(merchantId, checkoutId, summary.Count + 1, asked, reason, RefundStatuses.Pending, now, now);
            var reserved = summary with { Reserved = summary.Reserved + asked, Count = refund.Number };
            var summaryRow = RefundRows.ToRow(merchantId, checkoutId, reserved);
            TableTransactionAction[] actions =
            [
                row is null ? new(TableTransactionActionType.Add, summaryRow) : new(TableTransactionActionType.UpdateReplace, summaryRow, summary.ETag!.Value),
                new(TableTransactionActionType.Add, RefundRows.ToRow(refund)),
            ];
            if (await TrySubmitAsync(actions, cancellationToken))
            {
                return new RefundReservation(refund, reserved.Remaining, !summary.Reserved.IsZero);
            }
        }
    }

    /// <summary>A checkout's summary (null before its first refund) and refunds in order: one range query.</summary>
    public async Task<(RefundSummary? Summary, IReadOnlyList<Refund> Refunds)> ListAsync(string merchantId, string checkoutId, CancellationToken cancellationToken)
    {
        RefundSummary? summary = null;
        var refunds = new List<Refund>();
        await foreach (var row in _table.QueryAsync<TableEntity>(RefundRows.CheckoutFilter(merchantId, checkoutId), cancellationToken: cancellationToken))
        {
            if (RefundRows.IsSummary(row))
            {
                summary = RefundRows.ToSummary(row);
            }
            else
            {
                refunds.Add(RefundRows.ToRefund(row));
            }
        }

        return (summary, refunds);
    }

    public async Task<Refund?> GetAsync(string merchantId, string checkoutId, string refundId, CancellationToken cancellationToken)
    {
        if (!Refund.TryParseNumber(checkoutId, refundId, out var number))
        {
            return null;
        }

        var row = await _table.GetEntityOrNullAsync(merchantId, RefundRows.RefundKey(checkoutId, number), cancellationToken);
        return row is null ? null : RefundRows.ToRefund(row);
    }

    /// <summary>
    /// Moves a pending refund to <paramref name="finished"/>'s status: its amount leaves the reservation, counted as
    /// refunded when it succeeded or refundable again when it failed; <paramref name="carried"/> (a succeeded refund's
    /// debit when the balance could not take it) is added to the merchant's refund deficit in the same batch. Returns
    /// the refund as it then stands; a refund already finished (a redelivered step) is returned unchanged.
    /// </summary>
    public async Task<Refund> FinishAsync(Refund finished, Money? carried, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finished);
        while (true)
        {
            var current = await GetAsync(finished.MerchantId, finished.CheckoutId, finished.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Refund {finished.Id} is not recorded.");
            if (current.Status != RefundStatuses.Pending)
            {
                return current;
            }

            var summaryRow = await _table.GetEntityOrNullAsync(finished.MerchantId, RefundRows.SummaryKey(finished.CheckoutId), cancellationToken)
                ?? throw new InvalidOperationException($"Refund {finished.Id} has no summary row.");
            var summary = RefundRows.ToSummary(summaryRow);
            var refunded = finished.Status == RefundStatuses.Succeeded ? current.Amount : Money.Zero(current.Amount.Currency);
            var next = summary with { Reserved = summary.Reserved - current.Amount, Refunded = summary.Refunded + refunded };
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, RefundRows.ToRow(finished with { Amount = current.Amount }), current.ETag!.Value),
                new(TableTransactionActionType.UpdateReplace, RefundRows.ToRow(finished.MerchantId, finished.CheckoutId, next), summary.ETag!.Value),
            };
            if (carried is { IsZero: false } deficit)
            {
                actions.Add(await DeficitActionAsync(finished.MerchantId, deficit, cancellationToken));
            }

            if (await TrySubmitAsync(actions, cancellationToken))
            {
                return finished with { Amount = current.Amount };
            }
        }
    }

    private async Task<TableTransactionAction> DeficitActionAsync(string merchantId, Money added, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(merchantId, RefundRows.DeficitKey(added.Currency), cancellationToken);
        return row is null
            ? new(TableTransactionActionType.Add, RefundRows.Deficit(merchantId, added))
            : new(TableTransactionActionType.UpdateReplace, RefundRows.Deficit(merchantId, RefundRows.Amount(row, "OutstandingMinor") + added), row.ETag);
    }

    /// <summary>False when another writer got there first (an ETag or an insert lost the race): read again and decide again.</summary>
    private async Task<bool> TrySubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (StorageErrors.IsPreconditionFailed(ex) || StorageErrors.IsAlreadyExists(ex))
        {
            return false;
        }
    }
}
