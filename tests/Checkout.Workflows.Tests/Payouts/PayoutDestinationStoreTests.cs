using Azure.Data.Tables;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Domain.Payouts.BankAccounts;
using Checkout.Testing;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Providers;

namespace Checkout.Workflows.Tests.Payouts;

/// <summary>The payout account on Azurite: its number encrypted in the row beside its masked form; views read the
/// masked form, the rail the whole number.</summary>
public sealed class PayoutDestinationStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Iban = SandboxPayoutAccounts.PakistanPaidAtOnce;
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static PayoutDestination Pakistani(string holder = "Lahore Crafts", string? iban = null) =>
        new(holder, new CountryCode("PK"), new CurrencyCode("PKR"), new BankAccount(BankAccountScheme.Iban, iban ?? Iban, Bic: "SCBLPKKX"));

    [Fact]
    public async Task Set_StoresTheAccountNumberEncryptedWithItsMaskedForm()
    {
        var (store, table) = await NewStoreAsync();

        await store.SetAsync("mer_a", Pakistani(), Now, CancellationToken.None);

        TableEntity row = await table.GetEntityAsync<TableEntity>("payout-destination", "mer_a");
        Assert.StartsWith("enc:v1:test:", row.GetString("AccountNumber"), StringComparison.Ordinal);
        Assert.All(row.Select(p => p.Value), value => Assert.DoesNotContain(Iban[4..], value?.ToString() ?? string.Empty, StringComparison.Ordinal));
        Assert.Equal($"{Iban[..4]} **** 6789", row.GetString("MaskedAccount"));
    }

    [Fact]
    public async Task Get_ReadsTheMaskedFormAndGetForRail_TheWholeNumber()
    {
        var (store, _) = await NewStoreAsync();
        await store.SetAsync("mer_a", Pakistani(), Now, CancellationToken.None);

        var summary = await store.GetAsync("mer_a", CancellationToken.None);
        var forRail = await store.GetForRailAsync("mer_a", CancellationToken.None);

        Assert.Equal(
            new PayoutDestinationSummary("Lahore Crafts", new CountryCode("PK"), new CurrencyCode("PKR"), BankAccountScheme.Iban, $"{Iban[..4]} **** 6789", "6789", "SCBLPKKX", null, null, null, null),
            summary);
        Assert.Equal(Pakistani(), forRail);
        Assert.Null(await store.GetAsync("mer_none", CancellationToken.None));
        Assert.Null(await store.GetForRailAsync("mer_none", CancellationToken.None));
    }

    [Fact]
    public async Task GetForRail_NumberCopiedFromAnotherMerchantsRow_Throws()
    {
        var (store, table) = await NewStoreAsync();
        await store.SetAsync("mer_a", Pakistani("A"), Now, CancellationToken.None);
        await store.SetAsync("mer_b", Pakistani("B", Domain.Payouts.BankAccounts.Iban.Compose("PK", "SCBL0000000987654321")), Now, CancellationToken.None);
        TableEntity victim = await table.GetEntityAsync<TableEntity>("payout-destination", "mer_a");
        await table.UpdateEntityAsync(new TableEntity("payout-destination", "mer_b") { ["AccountNumber"] = victim.GetString("AccountNumber") }, Azure.ETag.All, TableUpdateMode.Merge);

        await Assert.ThrowsAsync<System.Security.Cryptography.CryptographicException>(() => store.GetForRailAsync("mer_b", CancellationToken.None));
    }

    [Fact]
    public async Task RowFromBeforeSchemes_ReadsAsNoDestination()
    {
        var (store, table) = await NewStoreAsync();
        await table.AddEntityAsync(new TableEntity("payout-destination", "mer_old")
        {
            ["AccountHolderName"] = "Old Shop", ["AccountNumber"] = "000123456789", ["Country"] = "CN", ["UpdatedAt"] = Now,
        });

        Assert.Null(await store.GetAsync("mer_old", CancellationToken.None));
        Assert.Null(await store.GetForRailAsync("mer_old", CancellationToken.None));
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
