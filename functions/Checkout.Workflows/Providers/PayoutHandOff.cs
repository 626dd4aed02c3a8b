using Checkout.Domain.Workflow;
using Checkout.Storage;
using Checkout.Storage.Tables;

namespace Checkout.Workflows.Providers;

/// <summary>
/// Hands a captured checkout's funds to the payouts workflow: records one pending payout row per checkout
/// (partition = merchant, row = payout id derived from the checkout id), so a redelivered hand-off records nothing
/// twice. The payouts work (ledger postings, the payout rail) consumes these rows.
/// </summary>
public sealed class PayoutHandOff(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private readonly TableClient _table = tables.GetTableClient(options.PayoutsTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<PayoutHandedOff> HandOffAsync(CheckoutState state, string payoutId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var amount = state.LandedCost!.AmountDueAtCheckout;
        var row = new TableEntity(state.MerchantId, payoutId)
        {
            ["CheckoutId"] = state.Id,
            ["CaptureId"] = state.CaptureId ?? string.Empty,
            ["AmountMinor"] = amount.ToMinorUnits(),
            ["Currency"] = amount.Currency.Value,
            ["Status"] = "pending",
            ["CreatedAt"] = now,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
        }
        catch (StorageRequestFailedException ex) when (ex.ErrorCode == StorageErrorCodes.EntityAlreadyExists)
        {
            // Redelivered hand-off: the payout is already recorded.
        }

        return new PayoutHandedOff(payoutId, now);
    }

    /// <summary>Every recorded payout, for audits: (merchant, payout id, checkout id).</summary>
    public async Task<IReadOnlyList<(string MerchantId, string PayoutId, string CheckoutId)>> ListAsync(CancellationToken cancellationToken)
    {
        var payouts = new List<(string, string, string)>();
        await foreach (var row in _table.QueryAsync(cancellationToken: cancellationToken))
        {
            payouts.Add((row.PartitionKey, row.RowKey, row.GetString("CheckoutId") ?? string.Empty));
        }

        return payouts;
    }
}
