using Azure.Data.Tables;
using Checkout.Functions.Api;
using Checkout.Testing;
using Checkout.Workflows;
using Microsoft.Extensions.Options;

namespace Checkout.Functions.Tests.Api;

/// <summary>Idempotency-Key records are kept for the retention (at least 24 hours), then pruned. The clock is moved by
/// hand; the records are real rows in Azurite.</summary>
public sealed class IdempotencyPruningTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Prune_RecordsYoungerThanRetention_AreKeptAndReplay()
    {
        var (store, clock, _) = await NewStoreAsync(new IdempotencyOptions());
        await AnsweredAsync(store, "m1", "key-1");

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        Assert.Equal(0, await store.PruneAsync(CancellationToken.None));
        Assert.Equal(IdempotencyOutcome.Replay, (await store.BeginAsync("m1", "key-1", "fp", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Prune_RecordsOlderThanRetention_AreDeletedOthersKept()
    {
        var (store, clock, table) = await NewStoreAsync(new IdempotencyOptions());
        await AnsweredAsync(store, "m1", "old-1");
        await AnsweredAsync(store, "m2", "old-2");
        clock.Advance(TimeSpan.FromHours(10));
        await AnsweredAsync(store, "m1", "young");
        clock.Advance(TimeSpan.FromHours(14) + TimeSpan.FromSeconds(1));

        Assert.Equal(2, await store.PruneAsync(CancellationToken.None));

        Assert.Equal(1, await CountAsync(table));
        Assert.Equal(IdempotencyOutcome.Replay, (await store.BeginAsync("m1", "young", "fp", CancellationToken.None)).Outcome);
        Assert.Equal(IdempotencyOutcome.Proceed, (await store.BeginAsync("m1", "old-1", "other body", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Prune_ConfiguredLongerRetention_KeepsRecordsPastADay()
    {
        var (store, clock, table) = await NewStoreAsync(new IdempotencyOptions { Retention = TimeSpan.FromDays(3) });
        await AnsweredAsync(store, "m1", "key-1");

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await store.PruneAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await store.PruneAsync(CancellationToken.None));
        Assert.Equal(0, await CountAsync(table));
    }

    [Theory]
    [InlineData("23:59:59", "01:00:00")]
    [InlineData("1.00:00:00", "00:00:00")]
    [InlineData("1.00:00:00", "2.00:00:00")]
    public void Options_RetentionUnderADayOrBadInterval_AreRefused(string retention, string interval)
    {
        var options = new IdempotencyOptions { Retention = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture), SweepInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Throws<InvalidOperationException>(options.Validate);
    }

    private async Task<(IdempotencyStore Store, ManualClock Clock, TableClient Table)> NewStoreAsync(IdempotencyOptions options)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var names = new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = "p" + Guid.NewGuid().ToString("N")[..10] });
        var clock = new ManualClock(Start);
        var store = new IdempotencyStore(tables, names, clock, Options.Create(options), TestSecrets.Protector());
        await store.InitializeAsync(CancellationToken.None);
        return (store, clock, tables.GetTableClient(names.IdempotencyKeys));
    }

    private static async Task AnsweredAsync(IdempotencyStore store, string merchant, string key)
    {
        Assert.Equal(IdempotencyOutcome.Proceed, (await store.BeginAsync(merchant, key, "fp", CancellationToken.None)).Outcome);
        await store.CompleteAsync(merchant, key, "fp", ApiResponse.Json(202, new { ok = true }), CancellationToken.None);
    }

    private static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }
}
