using Azure.Data.Tables;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Domain.Payouts.BankAccounts;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// The merchant's payout destination, kept with the rest of the merchant's data in the merchant profiles table
/// (partition <c>payout-destination</c>, row = merchant id) but in its own rows, so profile writes and destination
/// writes never overwrite each other. The account number is stored encrypted (<see cref="SecretProtector"/>, bound to
/// its row and column) beside its masked form: views read <see cref="GetAsync"/>, which decrypts nothing, and only the
/// payout send reads <see cref="GetForRailAsync"/>. A row from before bank accounts had a scheme per country (no
/// <c>Scheme</c> column) reads as no destination: its plain account number fits no scheme, so payouts wait with
/// <c>no_account</c> until the merchant sets the account again, which retries them.
/// </summary>
public sealed class PayoutDestinationStore(TableServiceClient tables, CheckoutWorkflowOptions options, SecretProtector protector)
{
    /// <summary>The table's name in the account numbers' associated data: logical, so a resource prefix does not change it.</summary>
    public const string SecretTable = "merchant-profiles";
    public const string AccountNumberProperty = "AccountNumber";
    private const string Partition = "payout-destination";

    private readonly TableClient _table = tables.GetTableClient(options.MerchantProfilesTable);

    public static StorageField AccountNumberField(string merchantId) => new(SecretTable, Partition, merchantId, AccountNumberProperty);

    public Task SetAsync(string merchantId, PayoutDestination destination, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var account = destination.Account;
        var row = new TableEntity(Partition, merchantId)
        {
            ["AccountHolderName"] = destination.AccountHolderName,
            ["Country"] = destination.Country.Value,
            ["Currency"] = destination.Currency.Value,
            ["Scheme"] = account.Scheme.ToString(),
            [AccountNumberProperty] = protector.Protect(account.AccountNumber, AccountNumberField(merchantId)),
            ["MaskedAccount"] = account.Masked,
            ["AccountNumberLast4"] = account.Last4,
            ["Bic"] = account.Bic,
            ["BankCode"] = account.BankCode,
            ["BranchCode"] = account.BranchCode,
            ["BankName"] = account.BankName,
            ["RoutingNumber"] = account.RoutingNumber,
            ["UpdatedAt"] = at,
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The destination with its account number masked, for views; nothing is decrypted.</summary>
    public async Task<PayoutDestinationSummary?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(Partition, merchantId, cancellationToken);
        return row is null || Scheme(row) is not { } scheme
            ? null
            : new PayoutDestinationSummary(
                row.GetString("AccountHolderName") ?? string.Empty,
                Country(row),
                new CurrencyCode(row.GetString("Currency")!),
                scheme,
                row.GetString("MaskedAccount") ?? string.Empty,
                row.GetString("AccountNumberLast4") ?? string.Empty,
                row.GetString("Bic"),
                row.GetString("BankCode"),
                row.GetString("BranchCode"),
                row.GetString("BankName"),
                row.GetString("RoutingNumber"));
    }

    /// <summary>The destination with its account number decrypted, for the payout rail and nothing else.</summary>
    public async Task<PayoutDestination?> GetForRailAsync(string merchantId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(Partition, merchantId, cancellationToken);
        if (row is null || Scheme(row) is not { } scheme)
        {
            return null;
        }

        var account = new BankAccount(
            scheme,
            protector.Unprotect(row.GetString(AccountNumberProperty) ?? string.Empty, AccountNumberField(merchantId)),
            row.GetString("Bic"),
            row.GetString("BankCode"),
            row.GetString("BranchCode"),
            row.GetString("BankName"),
            row.GetString("RoutingNumber"));
        return new PayoutDestination(row.GetString("AccountHolderName") ?? string.Empty, Country(row), new CurrencyCode(row.GetString("Currency")!), account);
    }

    private static BankAccountScheme? Scheme(TableEntity row) =>
        Enum.TryParse<BankAccountScheme>(row.GetString("Scheme"), out var scheme) && row.GetString("Currency") is not null ? scheme : null;

    private static CountryCode Country(TableEntity row) =>
        new(row.GetString("Country") ?? throw new InvalidOperationException($"Payout destination of {row.RowKey} has no country."));
}
