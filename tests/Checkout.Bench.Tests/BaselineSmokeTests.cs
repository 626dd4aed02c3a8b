using Checkout.Bench.Baseline;

namespace Checkout.Bench.Tests;

/// <summary>The bare-engine baseline end to end, small: a handful of orchestrations on a fresh Azurite. Asserts they all
/// completed and that the engine's storage operations were counted; never timings.</summary>
public sealed class BaselineSmokeTests
{
    [Fact]
    public async Task Baseline_HandfulOfOrchestrations_AllCompleteAndStorageIsCounted()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var figures = await BaselineRun.RunAsync(new LoadPlan(4, 2, null, TimeSpan.FromMilliseconds(50)), warmUp: 2, TextWriter.Null, cancel.Token);

        Assert.Equal(4, figures.Completed);
        Assert.Empty(figures.FailureSamples);
        Assert.True(figures.OrchestrationsPerSecond > 0);
        // Starting, the activities and the timer all go through the control and work-item queues and the history table.
        Assert.True(figures.StorageOperationsPerOrchestration.GetValueOrDefault("Queue.SendMessage") >= 5, figures.EngineSettings);
        Assert.Contains("Table.Batch", figures.StorageOperationsPerOrchestration.Keys);
        Assert.True(figures.Cpu is { AzuriteMs: > 0, BenchMs: > 0, AppMs: 0 }, figures.Cpu?.ToString());
    }
}
