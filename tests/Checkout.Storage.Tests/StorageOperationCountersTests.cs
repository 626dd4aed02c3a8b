using Checkout.Storage;

namespace Checkout.Storage.Tests;

public sealed class StorageOperationCountersTests
{
    [Fact]
    public void Increment_CountsByKind_TotalExcludesTheRetryTally()
    {
        var counters = new StorageOperationCounters();

        counters.Increment("Queue.SendMessage");
        counters.Increment("Queue.SendMessage");
        counters.Increment("Table.Batch");
        counters.Increment(StorageOperationCounters.RetryKind);

        Assert.Equal(2, counters.Snapshot()["Queue.SendMessage"]);
        Assert.Equal(1, counters.Snapshot()["Table.Batch"]);
        Assert.Equal(1, counters.Retries);
        Assert.Equal(3, counters.Total);
    }

    [Fact]
    public void Increment_FromManyThreads_LosesNothing()
    {
        var counters = new StorageOperationCounters();

        Parallel.For(0, 10_000, i => counters.Increment(i % 2 == 0 ? "A" : "B"));

        Assert.Equal(5_000, counters.Get("A"));
        Assert.Equal(5_000, counters.Get("B"));
        Assert.Equal(10_000, counters.Total);
    }

    [Fact]
    public void Reset_ZeroesEveryKind_AndCountingResumes()
    {
        var counters = new StorageOperationCounters();
        counters.Increment("A");
        counters.Increment(StorageOperationCounters.RetryKind);

        counters.Reset();

        Assert.Empty(counters.Snapshot());
        Assert.Equal(0, counters.Total);
        counters.Increment("A");
        Assert.Equal(1, counters.Total);
    }

    [Fact]
    public void Snapshot_IsACopy()
    {
        var counters = new StorageOperationCounters();
        counters.Increment("A");

        var snapshot = counters.Snapshot();
        counters.Increment("A");

        Assert.Equal(1, snapshot["A"]);
    }
}
