using Azure.Data.Tables;
using Checkout.Domain.Geography;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// The merchant's payout destination, kept with the rest of the merchant's data in the merchant profiles table
/// (partition <c>payout-destination</c>, row = merchant id) but in its own rows, so profile writes and destination
/// writes never overwrite each other.
/// </summary>
public sealed class PayoutDestinationStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private const string Partition = "payout-destination";

    private readonly TableClient _table = tables.GetTableClient(options.MerchantProfilesTable);

    public Task SetAsync(string merchantId, PayoutDestination destination, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var row = new TableEntity(Partition, merchantId)
        {
            ["AccountHolderName"] = destination.AccountHolderName,
            ["AccountNumber"] = destination.AccountNumber,
            ["Country"] = destination.Country.Value,
            ["UpdatedAt"] = at,
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<PayoutDestination?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(Partition, merchantId, cancellationToken);
        return row is null
            ? null
            : new PayoutDestination(row.GetString("AccountHolderName") ?? string.Empty, row.GetString("AccountNumber") ?? string.Empty, new CountryCode(row.GetString("Country") ?? throw new InvalidOperationException($"Payout destination of {merchantId} has no country.")));
    }
}
