using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Merchants;

/// <summary>
/// Merchant profiles, one row per merchant (partition <c>profile</c>, row = merchant id). Shared by the API (which
/// creates merchants) and the payouts workflow (which settles in the merchant's currency); the API keys live apart,
/// in the API's own table. A profile does not change once created (the settlement currency is fixed then, and the
/// Development merchant's is a constant), so one found is kept for the process's life: every checkout's hand-off reads
/// its merchant's settlement currency, and would otherwise pay a storage read for the same answer each time.
/// </summary>
public sealed class MerchantProfileStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private const string ProfilePartition = "profile";

    private readonly TableClient _table = tables.GetTableClient(options.MerchantProfilesTable);
    private readonly ConcurrentDictionary<string, MerchantProfile> _found = new(StringComparer.Ordinal);

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
    public async Task UpsertAsync(MerchantProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await _table.UpsertEntityAsync(ToRow(profile), TableUpdateMode.Replace, cancellationToken);
        _found[profile.MerchantId] = profile;
    }

    /// <summary>The merchant's profile, from this process's copy once found (a merchant not found is asked again).</summary>
    public async Task<MerchantProfile?> GetAsync(string merchantId, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue(merchantId, out var known))
        {
            return known;
        }

        var row = await _table.GetEntityOrNullAsync(ProfilePartition, merchantId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var profile = new MerchantProfile(
            merchantId,
            row.GetString("Name") ?? merchantId,
            new CurrencyCode(row.GetString("SettlementCurrency") ?? throw new InvalidOperationException($"Merchant {merchantId} has no settlement currency.")),
            row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
        return _found.GetOrAdd(merchantId, profile);
    }

    private static TableEntity ToRow(MerchantProfile profile) => new(ProfilePartition, profile.MerchantId)
    {
        ["Name"] = profile.Name,
        ["SettlementCurrency"] = profile.SettlementCurrency.Value,
        ["CreatedAt"] = profile.CreatedAt,
    };
}
