using Checkout.Domain.Monetary;
using Checkout.Testing;
using Checkout.Workflows.Merchants;

namespace Checkout.Workflows.Tests.Merchants;

/// <summary>A profile found is kept (profiles do not change once created); a merchant not found is asked for again.</summary>
public sealed class MerchantProfileStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Get_AProfileFound_IsAnsweredAgainWithoutAStorageRead()
    {
        using var clients = new StorageClients(azurite.ConnectionString);
        var (store, options) = await NewStoreAsync(clients);
        var profile = new MerchantProfile("mer_kept", "Kept", new CurrencyCode("HKD"), DateTimeOffset.UtcNow);
        Assert.True(await new MerchantProfileStore(clients.Tables, options).CreateAsync(profile, CancellationToken.None));

        clients.Counters.Reset();
        var first = await store.GetAsync("mer_kept", CancellationToken.None);
        var again = await store.GetAsync("mer_kept", CancellationToken.None);

        Assert.Equal(profile, first);
        Assert.Equal(profile, again);
        Assert.Equal(1, clients.Counters.Snapshot().GetValueOrDefault("Table.GetEntity"));
    }

    [Fact]
    public async Task Get_AMerchantNotFound_IsFoundOnceAnotherInstanceCreatesIt()
    {
        using var clients = new StorageClients(azurite.ConnectionString);
        var (store, options) = await NewStoreAsync(clients);

        Assert.Null(await store.GetAsync("mer_later", CancellationToken.None));
        var profile = new MerchantProfile("mer_later", "Later", new CurrencyCode("PKR"), DateTimeOffset.UtcNow);
        await new MerchantProfileStore(clients.Tables, options).CreateAsync(profile, CancellationToken.None);

        Assert.Equal(profile, await store.GetAsync("mer_later", CancellationToken.None));
    }

    /// <summary>A store under a fresh resource prefix, its table created, and the options to open a second one on it.</summary>
    private static async Task<(MerchantProfileStore Store, CheckoutWorkflowOptions Options)> NewStoreAsync(StorageClients clients)
    {
        var options = new CheckoutWorkflowOptions { ResourcePrefix = "m" + Guid.NewGuid().ToString("N")[..8] };
        var store = new MerchantProfileStore(clients.Tables, options);
        await store.InitializeAsync(CancellationToken.None);
        return (store, options);
    }
}
