using System.Text.Json;

namespace Checkout.Bench.Tests;

/// <summary>
/// The harness end to end, small: 30 checkouts on one real app instance with its ceiling probe, then a chaos round of
/// 30 with one SIGKILL and one Azurite restart. Asserts the audit and that every figure was produced; never timings.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Bench_SmallRunWithOneKill_AuditPassesAndFiguresAreWritten()
    {
        var output = Path.Combine(Path.GetTempPath(), "checkout-bench-" + Guid.NewGuid().ToString("N")[..8]);
        // The kill 1 s into the chaos round: its 30 checkouts take about 3 s here, and a later kill could miss them.
        var options = BenchOptions.Parse(
        [
            "--checkouts", "30", "--concurrency", "8", "--instances", "1", "--chaos", "--kill-every", "1", "--max-kills", "1",
            "--ceiling-seconds", "2", "--warm-up", "4", "--output", output,
        ]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(6));

        var result = await new BenchRunner(options, TextWriter.Null).RunAsync(cancel.Token);

        Assert.Collection(result.Runs, AssertLoadRun, AssertChaosRun);
        Assert.True(result.Passed);
        var json = BenchReport.Write(result, output);
        using var written = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(2, written.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Contains("<svg", File.ReadAllText(Path.ChangeExtension(json, ".svg")), StringComparison.Ordinal);
        Assert.Contains("| 1 instance(s)", File.ReadAllText(Path.ChangeExtension(json, ".md")), StringComparison.Ordinal);
        Directory.Delete(output, recursive: true);
    }

    private static void AssertLoadRun(RunFigures run)
    {
        AssertEveryCheckoutCompletedAndAudited(run);
        Assert.NotNull(run.Ceiling);
        Assert.True(run.Ceiling.SyntheticCheckouts > 0);
        Assert.NotNull(run.AchievedOverCeiling);
        // Only the Durable Task engine's partition-lease upkeep (blobs) goes unmodelled: it follows time, not checkouts.
        Assert.All(run.Ceiling.UnmodelledKinds, kind => Assert.StartsWith("Blob.", kind, StringComparison.Ordinal));
        Assert.True(run.StatusPollCost!.Count > 0);
        Assert.Contains("Table.Batch", run.StorageOperationsPerCheckout.Keys);
        // Every process of the run did work for it: the app served the checkouts, Azurite stored them, the bench drove them.
        Assert.NotNull(run.Cpu);
        Assert.True(run.Cpu.AppMs > 0 && run.Cpu.AzuriteMs > 0 && run.Cpu.BenchMs > 0, run.Cpu.ToString());
    }

    private static void AssertChaosRun(RunFigures run)
    {
        AssertEveryCheckoutCompletedAndAudited(run);
        Assert.Equal(1, run.InstanceRestarts);
        Assert.True(run.AzuriteRestarted);
        Assert.Null(run.Ceiling);
        Assert.Null(run.Cpu);
    }

    private static void AssertEveryCheckoutCompletedAndAudited(RunFigures run)
    {
        Assert.Equal(30, run.Completed);
        Assert.True(run.Audit!.Passed, string.Join("\n", run.Audit.Violations.Take(20)));
        // The warm-up at load (4 here) comes before the as-fast-as-possible run only.
        Assert.Equal((BenchRunner.WarmUpCheckoutsPerInstance * run.Instances) + (run.Label == "chaos" ? 0 : 4), run.WarmUpCheckouts);
        Assert.Equal(30 + run.WarmUpCheckouts, run.Audit.Completed);
        Assert.NotNull(run.ColdStartToAwaitingMs);
        Assert.True(run.Audit.LedgerTransactions >= 30, $"{run.Audit.LedgerTransactions} ledger transactions reconciled");
        Assert.Equal(30, run.StartToAwaitingMs.Count);
        Assert.Equal(30, run.ConfirmToCompletedMs.Count);
        Assert.True(run.CheckoutsPerSecond > 0);
        Assert.True(run.StorageOperationsPerCheckoutTotal > 0);
        Assert.NotEmpty(run.Timeline);
    }
}
