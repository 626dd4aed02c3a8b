using Azure.Data.Tables;
using Checkout.Testing;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Tests.Harness;

namespace Checkout.Workflows.Tests.Persistence;

/// <summary>The read model on Azurite: a record that runs again late never takes a checkout back, whether it reads
/// the row first or writes under the ETag of its own last write.</summary>
public sealed class CheckoutStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Save_OfAnEarlierState_AfterALaterOne_LeavesTheLaterOne()
    {
        var store = await NewStoreAsync();
        var created = WorkflowHost.NewCheckout("co_store1", DateTimeOffset.UnixEpoch);
        var started = CheckoutTimeline.Start(created);
        Assert.True(started.State.Sequence > created.Sequence);

        await store.SaveAsync(started.State, [started.Entry], etag: null, default);
        await store.SaveAsync(created, [], etag: null, default);
        Assert.Equal(started.State.Sequence, (await store.GetAsync(created.MerchantId, created.Id, default))!.State.Sequence);

        // The same state again (a repeated record) is written again, as is any later one.
        await store.SaveAsync(started.State, [started.Entry], etag: null, default);
        var stored = await store.GetAsync(created.MerchantId, created.Id, default);
        Assert.Equal((started.State.Sequence, 1), (stored!.State.Sequence, stored.Timeline.Count));
    }

    [Fact]
    public async Task Save_UnderTheETagOfTheLastWrite_Replaces_AndALateCopyUnderAnOlderETagStillLeavesTheLaterState()
    {
        var store = await NewStoreAsync();
        var created = WorkflowHost.NewCheckout("co_store2", DateTimeOffset.UnixEpoch);
        var started = CheckoutTimeline.Start(created);

        var creation = await store.CreateAsync(created, [], default);
        var afterStart = await store.SaveAsync(started.State, [started.Entry], creation.ETag, default);
        var lateCopy = await store.SaveAsync(created, [], creation.ETag, default);
        var again = await store.SaveAsync(started.State, [started.Entry], afterStart, default);

        Assert.True(creation.Created);
        Assert.NotNull(creation.ETag);
        Assert.NotNull(afterStart);
        Assert.Null(lateCopy);
        Assert.NotNull(again);
        Assert.NotEqual(afterStart, again);
        Assert.Equal(started.State.Sequence, (await store.GetAsync(created.MerchantId, created.Id, default))!.State.Sequence);
        Assert.Equal(CheckoutCreation.Existed, await store.CreateAsync(created, [], default));
    }

    [Fact]
    public async Task Save_OfAnEndedCheckout_OverrulesALaterRowThatHasNotEnded_AndIsNeverOverruledByOne()
    {
        var store = await NewStoreAsync();
        var created = WorkflowHost.NewCheckout("co_store3", DateTimeOffset.UnixEpoch);
        var start = CheckoutTimeline.Start(created);
        var creation = await store.CreateAsync(start.State, [start.Entry], default);

        // What a step recorded (a later sequence, not ended), then the orchestration's end from an earlier state.
        var stepped = start.State with { Sequence = start.State.Sequence + 3 };
        await store.SaveAsync(stepped, [start.Entry], creation.ETag, default);
        var canceled = CheckoutTimeline.Apply(start.State, [new Domain.Workflow.CancelRequested("no", DateTimeOffset.UnixEpoch)], [start.Entry]);
        Assert.True(canceled.Sequence < stepped.Sequence);

        Assert.NotNull(await store.SaveAsync(canceled, [start.Entry], creation.ETag, default));
        Assert.Equal(Domain.Workflow.CheckoutPhase.Canceled, (await store.GetAsync(created.MerchantId, created.Id, default))!.State.Phase);

        // An ended row stays under any state that has not ended, even one of a later sequence.
        Assert.Null(await store.SaveAsync(stepped with { Sequence = stepped.Sequence + 5 }, [start.Entry], etag: null, default));
        Assert.Equal(Domain.Workflow.CheckoutPhase.Canceled, (await store.GetAsync(created.MerchantId, created.Id, default))!.State.Phase);
    }

    [Fact]
    public async Task Row_HoldsItsJsonCompressed_AndARowWrittenAsTextBeforeStillReads()
    {
        var options = new CheckoutWorkflowOptions { ResourcePrefix = "s" + Guid.NewGuid().ToString("N")[..8] };
        var store = await NewStoreAsync(options);
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(options.CheckoutsTable);
        var started = CheckoutTimeline.Start(WorkflowHost.NewCheckout("co_store4", DateTimeOffset.UnixEpoch));
        var json = CheckoutJson.Write(new StoredCheckout(started.State, [started.Entry]));

        await store.SaveAsync(started.State, [started.Entry], etag: null, default);
        var row = (await table.GetEntityAsync<TableEntity>(started.State.MerchantId, started.State.Id)).Value;
        Assert.True(row.GetBinary("Json0")!.Length < json.Length);
        Assert.Null(row.GetString("Data0"));
        Assert.Equal(json, CheckoutJson.Write(await store.GetAsync(started.State.MerchantId, started.State.Id, default)));

        // The same checkout as rows were written before: its JSON as text over Data0..DataN.
        await table.UpsertEntityAsync(
            new TableEntity(started.State.MerchantId, "co_store5") { ["Status"] = "processing", ["Data0"] = json[..100], ["Data1"] = json[100..], ["DataChunks"] = 2 },
            TableUpdateMode.Replace);
        var before = await store.GetAsync(started.State.MerchantId, "co_store5", default);
        Assert.Equal(json, CheckoutJson.Write(before));
    }

    private async Task<CheckoutStore> NewStoreAsync(CheckoutWorkflowOptions? options = null)
    {
        var store = new CheckoutStore(new TableServiceClient(azurite.ConnectionString), options ?? new CheckoutWorkflowOptions { ResourcePrefix = "s" + Guid.NewGuid().ToString("N")[..8] });
        await store.InitializeAsync(default);
        return store;
    }
}
