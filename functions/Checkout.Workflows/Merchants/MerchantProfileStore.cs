using Azure;
using Azure.Data.Tables;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Merchants;

/// <summary>
/// Merchant profiles, one row per merchant (partition <c>profile</c>, row = merchant id). Shared by the API (which
/// creates merchants) and the payouts workflow (which settles in the merchant's currency); the API keys live apart,
/// in the API's own table.
/// </summary>
public sealed class MerchantProfileStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private const string ProfilePartition = "profile";

    private readonly TableClient _table = tables.GetTableClient(options.MerchantProfilesTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Records a new merchant; false when a merchant with that id already exists (nothing is changed).</summary>
    public async Task<bool> CreateAsync(MerchantProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        try
        {
            await _table.AddEntityAsync(ToRow(profile), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            return false;
        }
    }

    /// <summary>Creates or replaces the profile (used for the Development merchant, whose settings may change).</summary>
    public Task UpsertAsync(MerchantProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _table.UpsertEntityAsync(ToRow(profile), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<MerchantProfile?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(ProfilePartition, merchantId, cancellationToken);
        return row is null
            ? null
            : new MerchantProfile(
                merchantId,
                row.GetString("Name") ?? merchantId,
                new CurrencyCode(row.GetString("SettlementCurrency") ?? throw new InvalidOperationException($"Merchant {merchantId} has no settlement currency.")),
                row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
    }

    private static TableEntity ToRow(MerchantProfile profile) => new(ProfilePartition, profile.MerchantId)
    {
        ["Name"] = profile.Name,
        ["SettlementCurrency"] = profile.SettlementCurrency.Value,
        ["CreatedAt"] = profile.CreatedAt,
    };
}
