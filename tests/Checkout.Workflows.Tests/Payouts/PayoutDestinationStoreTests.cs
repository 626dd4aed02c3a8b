using Azure.Data.Tables;
using Checkout.Domain.Geography;
using Checkout.Domain.Payouts;
using Checkout.Testing;
using Checkout.Workflows.Payouts;

namespace Checkout.Workflows.Tests.Payouts;

/// <summary>The payout account number on Azurite: encrypted in the row beside its last four digits; views read the
/// last four, the rail the whole number.</summary>
public sealed class PayoutDestinationStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AccountNumber = "000123456789";
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Set_StoresTheAccountNumberEncryptedWithItsLastFour()
    {
        var (store, table) = await NewStoreAsync();

        await store.SetAsync("mer_a", new PayoutDestination("Shop Ltd", AccountNumber, new CountryCode("CN")), Now, CancellationToken.None);

        TableEntity row = await table.GetEntityAsync<TableEntity>("payout-destination", "mer_a");
        Assert.StartsWith("enc:v1:test:", row.GetString("AccountNumber"), StringComparison.Ordinal);
        Assert.All(row.Select(p => p.Value), value => Assert.DoesNotContain(AccountNumber, value?.ToString() ?? string.Empty, StringComparison.Ordinal));
        Assert.Equal("6789", row.GetString("AccountNumberLast4"));
    }

    [Fact]
    public async Task Get_ReadsTheMaskedFormAndGetForRail_TheWholeNumber()
    {
        var (store, _) = await NewStoreAsync();
        await store.SetAsync("mer_a", new PayoutDestination("Shop Ltd", AccountNumber, new CountryCode("CN")), Now, CancellationToken.None);

        var summary = await store.GetAsync("mer_a", CancellationToken.None);
        var forRail = await store.GetForRailAsync("mer_a", CancellationToken.None);

        Assert.Equal(new PayoutDestinationSummary("Shop Ltd", "6789", new CountryCode("CN")), summary);
        Assert.Equal(new PayoutDestination("Shop Ltd", AccountNumber, new CountryCode("CN")), forRail);
        Assert.Null(await store.GetAsync("mer_none", CancellationToken.None));
        Assert.Null(await store.GetForRailAsync("mer_none", CancellationToken.None));
    }

    [Fact]
    public async Task GetForRail_NumberCopiedFromAnotherMerchantsRow_Throws()
    {
        var (store, table) = await NewStoreAsync();
        await store.SetAsync("mer_a", new PayoutDestination("A", AccountNumber, new CountryCode("CN")), Now, CancellationToken.None);
        await store.SetAsync("mer_b", new PayoutDestination("B", "000987654321", new CountryCode("US")), Now, CancellationToken.None);
        TableEntity victim = await table.GetEntityAsync<TableEntity>("payout-destination", "mer_a");
        await table.UpdateEntityAsync(new TableEntity("payout-destination", "mer_b") { ["AccountNumber"] = victim.GetString("AccountNumber") }, Azure.ETag.All, TableUpdateMode.Merge);

        await Assert.ThrowsAsync<System.Security.Cryptography.CryptographicException>(() => store.GetForRailAsync("mer_b", CancellationToken.None));
    }

    [Fact]
    public async Task LegacyPlainRow_ReadsMaskedAndWhole_AndTheNextSetEncryptsIt()
    {
        var (store, table) = await NewStoreAsync();
        await table.AddEntityAsync(new TableEntity("payout-destination", "mer_old")
        {
            ["AccountHolderName"] = "Old Shop", ["AccountNumber"] = AccountNumber, ["Country"] = "CN", ["UpdatedAt"] = Now,
        });

        Assert.Equal("6789", (await store.GetAsync("mer_old", CancellationToken.None))!.AccountNumberLast4);
        Assert.Equal(AccountNumber, (await store.GetForRailAsync("mer_old", CancellationToken.None))!.AccountNumber);

        await store.SetAsync("mer_old", new PayoutDestination("Old Shop", AccountNumber, new CountryCode("CN")), Now, CancellationToken.None);
        TableEntity row = await table.GetEntityAsync<TableEntity>("payout-destination", "mer_old");
        Assert.StartsWith("enc:v1:", row.GetString("AccountNumber"), StringComparison.Ordinal);
    }

    private async Task<(PayoutDestinationStore Store, TableClient Table)> NewStoreAsync()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var options = new CheckoutWorkflowOptions { ResourcePrefix = "d" + Guid.NewGuid().ToString("N")[..8] };
        var table = tables.GetTableClient(options.MerchantProfilesTable);
        await table.CreateIfNotExistsAsync();
        return (new PayoutDestinationStore(tables, options, TestSecrets.Protector()), table);
    }
}
