using Azure.Data.Tables;
using Checkout.Domain.Geography;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// The merchant's payout destination, kept with the rest of the merchant's data in the merchant profiles table
/// (partition <c>payout-destination</c>, row = merchant id) but in its own rows, so profile writes and destination
/// writes never overwrite each other. The account number is stored encrypted (<see cref="SecretProtector"/>, bound to
/// its row and column) beside its last four digits: views read <see cref="GetAsync"/>, which decrypts nothing, and only
/// the payout send reads <see cref="GetForRailAsync"/>. A row written before encryption holds the plain number and
/// still reads; the next <see cref="SetAsync"/> of that merchant writes it encrypted.
/// </summary>
public sealed class PayoutDestinationStore(TableServiceClient tables, CheckoutWorkflowOptions options, SecretProtector protector)
{
    /// <summary>The table's name in the account numbers' associated data: logical, so a resource prefix does not change it.</summary>
    public const string SecretTable = "merchant-profiles";
    public const string AccountNumberProperty = "AccountNumber";
    public const string Last4Property = "AccountNumberLast4";
    private const string Partition = "payout-destination";

    private readonly TableClient _table = tables.GetTableClient(options.MerchantProfilesTable);

    public static StorageField AccountNumberField(string merchantId) => new(SecretTable, Partition, merchantId, AccountNumberProperty);

    public Task SetAsync(string merchantId, PayoutDestination destination, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var row = new TableEntity(Partition, merchantId)
        {
            ["AccountHolderName"] = destination.AccountHolderName,
            [AccountNumberProperty] = protector.Protect(destination.AccountNumber, AccountNumberField(merchantId)),
            [Last4Property] = destination.Last4,
            ["Country"] = destination.Country.Value,
            ["UpdatedAt"] = at,
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The destination with its account number masked, for views; nothing is decrypted.</summary>
    public async Task<PayoutDestinationSummary?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(Partition, merchantId, cancellationToken);
        return row is null ? null : new PayoutDestinationSummary(row.GetString("AccountHolderName") ?? string.Empty, Last4(row), Country(row));
    }

    /// <summary>The destination with its account number decrypted, for the payout rail and nothing else.</summary>
    public async Task<PayoutDestination?> GetForRailAsync(string merchantId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(Partition, merchantId, cancellationToken);
        return row is null
            ? null
            : new PayoutDestination(
                row.GetString("AccountHolderName") ?? string.Empty,
                protector.Unprotect(row.GetString(AccountNumberProperty) ?? string.Empty, AccountNumberField(merchantId)),
                Country(row));
    }

    private static CountryCode Country(TableEntity row) =>
        new(row.GetString("Country") ?? throw new InvalidOperationException($"Payout destination of {row.RowKey} has no country."));

    /// <summary>The stored last four; a legacy row (plain number, no last four) masks its plain number.</summary>
    private static string Last4(TableEntity row)
    {
        if (row.GetString(Last4Property) is { } last4)
        {
            return last4;
        }

        var number = row.GetString(AccountNumberProperty) ?? string.Empty;
        return SecretProtector.IsProtected(number)
            ? throw new InvalidOperationException($"Payout destination of {row.RowKey} has an encrypted account number but no {Last4Property}.")
            : PayoutDestination.Last4Of(number);
    }
}
