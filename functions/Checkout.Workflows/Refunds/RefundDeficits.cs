using Azure.Data.Tables;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// A merchant's refund deficit per settlement currency: what succeeded refunds debited from its balance after the
/// checkouts' payouts had left, and which the next payouts have not yet kept back. A payout hand-off claims from it at
/// most the payout's net, recording the claim under the payout's id in the same batch that lowers the deficit with its
/// ETag: two hand-offs at once never both keep the same deficit back, and a repeated hand-off finds its own claim.
/// </summary>
public sealed class RefundDeficits(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private readonly TableClient _table = tables.GetTableClient(options.RefundsTable);

    /// <summary>
    /// What the payout <paramref name="payoutId"/> of <paramref name="net"/> keeps back for the deficit (zero when there
    /// is none). <paramref name="payoutExistsAsync"/> tells a repeated hand-off whose first run already created the
    /// payout without a claim: that payout went out whole, so it claims nothing now.
    /// A merchant that never had a refund deficit costs one point read.
    /// </summary>
    public async Task<Money> ClaimAsync(string merchantId, string payoutId, Money net, Func<Task<bool>> payoutExistsAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payoutExistsAsync);
        var none = Money.Zero(net.Currency);
        while (true)
        {
            var deficit = await _table.GetEntityOrNullAsync(merchantId, RefundRows.DeficitKey(net.Currency), cancellationToken);
            if (deficit is null)
            {
                return none;
            }

            if (await _table.GetEntityOrNullAsync(merchantId, RefundRows.ClaimKey(payoutId), cancellationToken) is { } claim)
            {
                return RefundRows.Amount(claim, "ClaimedMinor");
            }

            var outstanding = RefundRows.Amount(deficit, "OutstandingMinor");
            if (outstanding.IsZero || outstanding.IsNegative || net.IsZero || await payoutExistsAsync())
            {
                return none;
            }

            var claimed = outstanding < net ? outstanding : net;
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, RefundRows.Claim(merchantId, payoutId, claimed)),
                new(TableTransactionActionType.UpdateReplace, RefundRows.Deficit(merchantId, outstanding - claimed), deficit.ETag),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return claimed;
            }
            catch (TableTransactionFailedException ex) when (StorageErrors.IsPreconditionFailed(ex) || StorageErrors.IsAlreadyExists(ex))
            {
                // Another hand-off or refund changed the deficit, or this payout's claim was just made: read again.
            }
        }
    }

    /// <summary>Every merchant's outstanding deficit, as the merchant balance account it is owed on, for the ledger
    /// reconciliation (a balance may be below zero by at most this).</summary>
    public async Task<IReadOnlyDictionary<LedgerAccount, long>> ListOutstandingAsync(CancellationToken cancellationToken)
    {
        var outstanding = new Dictionary<LedgerAccount, long>();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"$deficit|"} and RowKey lt {"$deficit}"}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var amount = RefundRows.Amount(row, "OutstandingMinor");
            outstanding[LedgerAccount.MerchantBalance(row.PartitionKey, amount.Currency)] = amount.ToMinorUnits();
        }

        return outstanding;
    }
}
