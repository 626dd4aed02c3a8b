using Checkout.Domain.Carts;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Tests.Harness;

namespace Checkout.Workflows.Tests;

public sealed class CheckoutStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_LargestAllowedCart_StateSplitOverColumnsUnder64KiBAndRoundTrips()
    {
        await using var host = await WorkflowHost.StartAsync(azurite.ConnectionString, "s" + Guid.NewGuid().ToString("N")[..10], new ManualClock(Start));
        var lines = Enumerable.Range(0, 100).Select(i => new CartLine(
            $"SKU-{i}", new string('é', 500), "610910", new CountryCode("CN"), Money.FromMinorUnits(1250 + i, new CurrencyCode("CNY")), 1, 100, new ParcelDimensionsCm(10, 10, 1), null)).ToList();
        var state = WorkflowHost.NewCheckout("big1", Start) with { Cart = WorkflowHost.NewCheckout("big1", Start).Cart with { Lines = lines } };

        Assert.True(await host.Runtime.StartAsync(state, CancellationToken.None));

        var stored = await host.Store.GetAsync("big1", CancellationToken.None);
        Assert.Equal(100, stored!.State.Cart.Lines.Count);
        Assert.Equal(lines[99], stored.State.Cart.Lines[99]);
        var row = CheckoutRowMapper.ToStateRow(stored.State);
        Assert.True(row.GetInt32("DataChunks") > 1, "a 100-line cart must span several columns");
        Assert.All(row.Keys.Where(k => k.StartsWith("Data", StringComparison.Ordinal) && k != "DataChunks"), k => Assert.True(row.GetString(k)!.Length <= CheckoutRows.ChunkChars));
    }

    [Fact]
    public async Task Commit_StaleETag_ThrowsConflictAndWritesNothing()
    {
        await using var host = await WorkflowHost.StartAsync(azurite.ConnectionString, "s" + Guid.NewGuid().ToString("N")[..10], new ManualClock(Start));
        Assert.True(await host.Runtime.StartAsync(WorkflowHost.NewCheckout("race1", Start), CancellationToken.None));
        var stale = (await host.Store.GetAsync("race1", CancellationToken.None))!;
        await host.Runtime.ApplyAsync("race1", new CancelRequested("first writer", Start), CancellationToken.None);

        var decision = CheckoutStateMachine.Decide(stale.State, new CancelRequested("second writer", Start));
        var history = new[] { new HistoryEntry(decision.State.Sequence, "CancelRequested", Start, "canceled", "second writer") };
        await Assert.ThrowsAsync<TransitionConflictException>(() =>
            host.Store.CommitAsync(stale, new CheckoutTransition(decision.State, history, []), CancellationToken.None));

        var final = (await host.Store.GetAsync("race1", CancellationToken.None))!.State;
        Assert.Equal("first writer", final.CancelReason);
        Assert.Single(await ToListAsync(host.Store.GetHistoryAsync("race1", CancellationToken.None)), h => h.EventType == "CancelRequested");
    }

    [Fact]
    public async Task Start_SameIdTwice_SecondReturnsFalse()
    {
        await using var host = await WorkflowHost.StartAsync(azurite.ConnectionString, "s" + Guid.NewGuid().ToString("N")[..10], new ManualClock(Start));
        Assert.True(await host.Runtime.StartAsync(WorkflowHost.NewCheckout("dup1", Start), CancellationToken.None));
        Assert.False(await host.Runtime.StartAsync(WorkflowHost.NewCheckout("dup1", Start), CancellationToken.None));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
