using Azure.Data.Tables;
using Checkout.Testing;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Tests.Harness;

namespace Checkout.Workflows.Tests.Persistence;

/// <summary>The read model on Azurite: a record that runs again late never takes a checkout back.</summary>
public sealed class CheckoutStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Save_OfAnEarlierState_AfterALaterOne_LeavesTheLaterOne()
    {
        var store = new CheckoutStore(new TableServiceClient(azurite.ConnectionString), new CheckoutWorkflowOptions { ResourcePrefix = "s" + Guid.NewGuid().ToString("N")[..8] });
        await store.InitializeAsync(default);
        var created = WorkflowHost.NewCheckout("co_store1", DateTimeOffset.UnixEpoch);
        var started = CheckoutTimeline.Start(created);
        Assert.True(started.State.Sequence > created.Sequence);

        await store.SaveAsync(started.State, [started.Entry], default);
        await store.SaveAsync(created, [], default);
        Assert.Equal(started.State.Sequence, (await store.GetAsync(created.MerchantId, created.Id, default))!.State.Sequence);

        // The same state again (a repeated record) is written again, as is any later one.
        await store.SaveAsync(started.State, [started.Entry], default);
        var stored = await store.GetAsync(created.MerchantId, created.Id, default);
        Assert.Equal((started.State.Sequence, 1), (stored!.State.Sequence, stored.Timeline.Count));
    }
}
