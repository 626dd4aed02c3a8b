using Azure.Data.Tables;
using Checkout.Testing;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Tests.Harness;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Tests.Webhooks;

/// <summary>The signing secret on Azurite: encrypted in the row, bound to it, revealed for signing.</summary>
public sealed class WebhookEndpointStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_StoresTheSecretEncryptedAndReadsItBackOnlyThroughTheProtector()
    {
        var (store, table, protector) = await NewStoreAsync();
        var secret = WebhookSignature.NewSecret();

        var created = await store.CreateAsync(Registration("mer_a", "we_1"), secret, CancellationToken.None);

        TableEntity row = await table.GetEntityAsync<TableEntity>("mer_a", "we_1");
        var stored = row.GetString("Secret");
        Assert.StartsWith("enc:v1:test:", stored, StringComparison.Ordinal);
        Assert.All(row.Select(p => p.Value), value => Assert.DoesNotContain(secret[WebhookSignature.SecretPrefix.Length..], value?.ToString() ?? string.Empty, StringComparison.Ordinal));
        Assert.Equal(secret, created.Secret);
        var read = await store.GetAsync("mer_a", "we_1", CancellationToken.None);
        Assert.Equal(stored, read!.Secret.Stored);
        Assert.Equal(secret, protector.Reveal(read.Secret));
        Assert.Equal(secret, protector.Reveal(Assert.Single(await store.ListAsync("mer_a", CancellationToken.None)).Secret));
    }

    [Fact]
    public async Task Create_RetriedWithTheSameId_ReturnsTheFirstSecret()
    {
        var (store, _, _) = await NewStoreAsync();
        var first = WebhookSignature.NewSecret();

        await store.CreateAsync(Registration("mer_a", "we_1"), first, CancellationToken.None);
        var retried = await store.CreateAsync(Registration("mer_a", "we_1"), WebhookSignature.NewSecret(), CancellationToken.None);

        Assert.Equal(first, retried.Secret);
    }

    [Fact]
    public async Task Reveal_SecretCopiedIntoAnotherEndpointsRow_Throws()
    {
        var (store, table, protector) = await NewStoreAsync();
        await store.CreateAsync(Registration("mer_a", "we_1"), WebhookSignature.NewSecret(), CancellationToken.None);
        await store.CreateAsync(Registration("mer_b", "we_2"), WebhookSignature.NewSecret(), CancellationToken.None);
        TableEntity victim = await table.GetEntityAsync<TableEntity>("mer_a", "we_1");
        await table.UpdateEntityAsync(new TableEntity("mer_b", "we_2") { ["Secret"] = victim.GetString("Secret") }, Azure.ETag.All, TableUpdateMode.Merge);

        var moved = await store.GetAsync("mer_b", "we_2", CancellationToken.None);

        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => protector.Reveal(moved!.Secret));
    }

    [Fact]
    public async Task Get_LegacyRowWithAPlainSecret_StillSigns()
    {
        var (store, table, protector) = await NewStoreAsync();
        var secret = WebhookSignature.NewSecret();
        await table.AddEntityAsync(new TableEntity("mer_a", "we_old")
        {
            ["Url"] = "https://hooks.example.com/old", ["EventTypes"] = string.Empty, ["Secret"] = secret, ["CreatedAt"] = Now,
        });

        var legacy = await store.GetAsync("mer_a", "we_old", CancellationToken.None);

        Assert.True(legacy!.Secret.IsLegacyPlain);
        Assert.Equal(secret, protector.Reveal(legacy.Secret));
    }

    [Fact]
    public async Task ListForDelivery_AnotherInstancesChange_SeenOnceTheCacheIntervalHasPassed()
    {
        var clock = new ManualClock(Now);
        var options = NewOptions();
        var (store, _, _) = await NewStoreAsync(clock, options);
        var (other, _, _) = await NewStoreAsync(options: options);
        await store.CreateAsync(Registration("mer_a", "we_1"), WebhookSignature.NewSecret(), CancellationToken.None);
        Assert.Single(await store.ListForDeliveryAsync("mer_a", CancellationToken.None));

        await other.CreateAsync(Registration("mer_a", "we_2"), WebhookSignature.NewSecret(), CancellationToken.None);
        var cached = await store.ListForDeliveryAsync("mer_a", CancellationToken.None);
        clock.Advance(CacheDuration);
        var fresh = await store.ListForDeliveryAsync("mer_a", CancellationToken.None);

        Assert.Single(cached);
        Assert.Equal(["we_1", "we_2"], fresh.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListForDelivery_ChangeThroughTheSameStore_SeenAtOnce()
    {
        var (store, _, _) = await NewStoreAsync(new ManualClock(Now));
        await store.CreateAsync(Registration("mer_a", "we_1"), WebhookSignature.NewSecret(), CancellationToken.None);
        Assert.True(Assert.Single(await store.ListForDeliveryAsync("mer_a", CancellationToken.None)).Enabled);

        await store.UpdateAsync("mer_a", "we_1", new WebhookEndpointChanges(Enabled: false), Now, CancellationToken.None);
        var afterDisable = Assert.Single(await store.ListForDeliveryAsync("mer_a", CancellationToken.None));
        await store.CreateAsync(Registration("mer_a", "we_2"), WebhookSignature.NewSecret(), CancellationToken.None);
        var afterCreate = await store.ListForDeliveryAsync("mer_a", CancellationToken.None);
        await store.DeleteAsync("mer_a", "we_1", CancellationToken.None);
        var afterDelete = await store.ListForDeliveryAsync("mer_a", CancellationToken.None);

        Assert.False(afterDisable.Enabled);
        Assert.Equal(2, afterCreate.Count);
        Assert.Equal("we_2", Assert.Single(afterDelete).Id);
    }

    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);

    private static CheckoutWorkflowOptions NewOptions() => new() { ResourcePrefix = "s" + Guid.NewGuid().ToString("N")[..8] };

    private async Task<(WebhookEndpointStore Store, TableClient Table, SecretProtector Protector)> NewStoreAsync(
        TimeProvider? clock = null, CheckoutWorkflowOptions? options = null)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        options ??= NewOptions();
        var protector = TestSecrets.Protector();
        var store = new WebhookEndpointStore(tables, options, protector, new WebhookOptions { EndpointCacheDuration = CacheDuration }, clock);
        await store.InitializeAsync(CancellationToken.None);
        return (store, tables.GetTableClient(options.WebhookEndpointsTable), protector);
    }

    private static WebhookEndpointRegistration Registration(string merchant, string id) =>
        new(id, merchant, new Uri("https://hooks.example.com/" + id), [], Now);
}
