using System.Text;
using Azure.Data.Tables;
using Checkout.Testing;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Tests.Harness;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Tests.Webhooks;

/// <summary>Secret rotation and PATCH on Azurite with a hand-moved clock: both secrets sign for 24 hours, then only the
/// new one; a second rotation drops the oldest; concurrent changes are all kept.</summary>
public sealed class WebhookSecretRotationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"payout.paid"}""");

    [Fact]
    public async Task Rotate_BothSecretsSignFor24HoursThenOnlyTheNewOne()
    {
        var clock = new ManualClock(Start);
        var (store, protector) = await NewStoreAsync();
        using var sender = new WebhookSender(new WebhookUrlPolicy(false), new WebhookOptions(), clock, protector);
        var old = WebhookSignature.NewSecret();
        await store.CreateAsync(new WebhookEndpointRegistration("we_1", "mer_a", new Uri("https://hooks.example.com/1"), [], Start), old, CancellationToken.None);

        var rotated = await store.RotateSecretAsync("mer_a", "we_1", WebhookSignature.NewSecret(), clock.GetUtcNow(), CancellationToken.None);
        var endpoint = (await store.GetAsync("mer_a", "we_1", CancellationToken.None))!;

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var during = sender.SignatureHeader(endpoint, "msg_1", clock.GetUtcNow(), Body);
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = sender.SignatureHeader(endpoint, "msg_1", clock.GetUtcNow(), Body);

        Assert.Equal(Start.AddHours(24), endpoint.PreviousSecretExpiresAt);
        Assert.Equal(2, during.Split(' ').Length);
        Assert.StartsWith(WebhookSignature.Sign(rotated!.Secret, "msg_1", (Start + TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1)).ToUnixTimeSeconds(), Body) + " ", during, StringComparison.Ordinal);
        Assert.True(Verifies(rotated.Secret, during, Start.AddHours(24).AddSeconds(-1)));
        Assert.True(Verifies(old, during, Start.AddHours(24).AddSeconds(-1)));
        Assert.Single(after.Split(' '));
        Assert.True(Verifies(rotated.Secret, after, Start.AddHours(24)));
        Assert.False(Verifies(old, after, Start.AddHours(24)));
    }

    [Fact]
    public async Task Rotate_AgainWithinTheWindow_KeepsOnlyTheSecretItReplacesAndRestartsTheWindow()
    {
        var clock = new ManualClock(Start);
        var (store, protector) = await NewStoreAsync();
        var first = WebhookSignature.NewSecret();
        await store.CreateAsync(new WebhookEndpointRegistration("we_2", "mer_a", new Uri("https://hooks.example.com/2"), [], Start), first, CancellationToken.None);

        var second = await store.RotateSecretAsync("mer_a", "we_2", WebhookSignature.NewSecret(), clock.GetUtcNow(), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        var third = await store.RotateSecretAsync("mer_a", "we_2", WebhookSignature.NewSecret(), clock.GetUtcNow(), CancellationToken.None);

        var endpoint = (await store.GetAsync("mer_a", "we_2", CancellationToken.None))!;
        Assert.Equal(third!.Secret, protector.Reveal(endpoint.Secret));
        Assert.Equal(second!.Secret, protector.Reveal(endpoint.PreviousSecret!));
        Assert.Equal(Start.AddHours(25), endpoint.PreviousSecretExpiresAt);
        Assert.False(endpoint.PreviousSecret!.IsLegacyPlain);
    }

    [Fact]
    public async Task Rotate_LegacyPlainSecret_IsStoredEncryptedAsThePreviousOne()
    {
        var (store, protector) = await NewStoreAsync(out var table);
        var legacy = WebhookSignature.NewSecret();
        await table.AddEntityAsync(new TableEntity("mer_a", "we_old")
        {
            ["Url"] = "https://hooks.example.com/old", ["EventTypes"] = string.Empty, ["Secret"] = legacy, ["CreatedAt"] = Start,
        });

        await store.RotateSecretAsync("mer_a", "we_old", WebhookSignature.NewSecret(), Start, CancellationToken.None);

        TableEntity row = await table.GetEntityAsync<TableEntity>("mer_a", "we_old");
        Assert.StartsWith("enc:v1:", row.GetString("PreviousSecret"), StringComparison.Ordinal);
        Assert.Equal(legacy, protector.Reveal((await store.GetAsync("mer_a", "we_old", CancellationToken.None))!.PreviousSecret!));
    }

    [Fact]
    public async Task Update_ConcurrentChangesOfDifferentFields_AreAllKept()
    {
        var (store, _) = await NewStoreAsync();
        await store.CreateAsync(new WebhookEndpointRegistration("we_3", "mer_a", new Uri("https://hooks.example.com/3"), [], Start), WebhookSignature.NewSecret(), CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => i switch
        {
            0 => store.UpdateAsync("mer_a", "we_3", new WebhookEndpointChanges(Url: new Uri("https://hooks.example.com/moved")), Start, CancellationToken.None),
            1 => store.UpdateAsync("mer_a", "we_3", new WebhookEndpointChanges(EventTypes: ["payout.paid"]), Start, CancellationToken.None),
            2 => store.UpdateAsync("mer_a", "we_3", new WebhookEndpointChanges(Enabled: false), Start, CancellationToken.None),
            _ => store.RotateSecretAsync("mer_a", "we_3", WebhookSignature.NewSecret(), Start, CancellationToken.None).ContinueWith(t => t.Result?.Endpoint, TaskScheduler.Default),
        })));

        var endpoint = (await store.GetAsync("mer_a", "we_3", CancellationToken.None))!;
        Assert.Equal("https://hooks.example.com/moved", endpoint.Url.AbsoluteUri);
        Assert.Equal(["payout.paid"], endpoint.EventTypes);
        Assert.False(endpoint.Enabled);
        Assert.NotNull(endpoint.PreviousSecret);
    }

    [Fact]
    public async Task Update_UnknownEndpoint_ReturnsNullAndCreatesNothing()
    {
        var (store, _) = await NewStoreAsync();

        var updated = await store.UpdateAsync("mer_a", "we_none", new WebhookEndpointChanges(Enabled: true), Start, CancellationToken.None);
        var rotated = await store.RotateSecretAsync("mer_a", "we_none", WebhookSignature.NewSecret(), Start, CancellationToken.None);

        Assert.Null(updated);
        Assert.Null(rotated);
        Assert.Empty(await store.ListAsync("mer_a", CancellationToken.None));
    }

    private static bool Verifies(string secret, string header, DateTimeOffset at) =>
        WebhookSignature.Verify(secret, "msg_1", at.ToUnixTimeSeconds(), Body, header);

    private Task<(WebhookEndpointStore Store, SecretProtector Protector)> NewStoreAsync() => NewStoreAsync(out _);

    private Task<(WebhookEndpointStore Store, SecretProtector Protector)> NewStoreAsync(out TableClient table)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var options = new CheckoutWorkflowOptions { ResourcePrefix = "r" + Guid.NewGuid().ToString("N")[..8] };
        var protector = TestSecrets.Protector();
        var store = new WebhookEndpointStore(tables, options, protector);
        table = tables.GetTableClient(options.WebhookEndpointsTable);
        return InitializeAsync(store, protector);
    }

    private static async Task<(WebhookEndpointStore Store, SecretProtector Protector)> InitializeAsync(WebhookEndpointStore store, SecretProtector protector)
    {
        await store.InitializeAsync(CancellationToken.None);
        return (store, protector);
    }
}
