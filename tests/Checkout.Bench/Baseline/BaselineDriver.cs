using System.Diagnostics;
using System.Globalization;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Checkout.Bench.Baseline;

/// <summary>
/// Drives <see cref="BaselineOrchestration"/> as <see cref="LoadDriver"/> drives checkouts: at most the plan's
/// concurrency in flight, start, poll (same back-off) until it awaits confirmation, raise the confirm event, poll
/// until it has completed.
/// </summary>
internal sealed class BaselineDriver(BaselineEngine engine, LoadPlan plan, int warmUp)
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    public async Task<BaselineFigures> RunAsync(string label, Func<CpuPerCheckout.Reading> readCpu, CancellationToken ct)
    {
        // Warmed up as the app's runs are (BenchRunner.WarmUpAsync): the engine's first orchestrations wait for its
        // partition lease, and the next ones run while the JIT is still compiling; neither is the throughput compared.
        var cold = await DriveAsync(Ids("bl-warmup", BenchRunner.WarmUpCheckoutsPerInstance), label + " warm-up", ct);
        var hot = warmUp > 0 ? await DriveAsync(Ids("bl-warmload", warmUp), label + " warm-up at load", ct) : [];
        if (!cold.IsEmpty || !hot.IsEmpty)
        {
            throw new InvalidOperationException("The baseline's warm-up failed: " + string.Join("; ", cold.Concat(hot).Take(3)));
        }

        var ids = Ids("bl", plan.Checkouts);
        var before = engine.Counters.Snapshot();
        var cpuBefore = readCpu();
        var clock = Stopwatch.StartNew();
        var failures = await DriveAsync(ids, label, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuAfter = readCpu();
        var operations = Minus(engine.Counters.Snapshot(), before);
        var completed = ids.Length - failures.Count;
        var perOrchestration = StorageMix.From(new StorageSnapshot(operations), Math.Max(completed, 1)).PerCheckout;
        return new BaselineFigures
        {
            Orchestrations = ids.Length,
            Completed = completed,
            Concurrency = plan.Concurrency,
            Seconds = Math.Round(seconds, 2),
            OrchestrationsPerSecond = Math.Round(completed / seconds, 2),
            StorageOperationsPerOrchestration = perOrchestration.ToDictionary(p => p.Key, p => Math.Round(p.Value, 2)),
            StorageOperationsPerOrchestrationTotal = Math.Round(perOrchestration.Where(p => p.Key != "Retry").Sum(p => p.Value), 1),
            EngineSettings = Describe(engine),
            Cpu = cpuAfter.Since(cpuBefore, ids.Length - failures.Count),
            FailureSamples = [.. failures.Take(5)],
        };
    }

    private static string[] Ids(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D5}"))];

    /// <summary>Runs the orchestrations, at most the plan's concurrency at once; returns the failures.</summary>
    private async Task<System.Collections.Concurrent.ConcurrentBag<string>> DriveAsync(string[] ids, string label, CancellationToken ct)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var slots = new SemaphoreSlim(plan.Concurrency);
        using var progress = new ProgressLine(label, ids.Length);
        var running = new List<Task>(ids.Length);
        foreach (var id in ids)
        {
            await slots.WaitAsync(ct);
            progress.Started();
            running.Add(RunOneAsync(id, failures, progress, slots, ct));
        }

        await Task.WhenAll(running);
        return failures;
    }

    private async Task RunOneAsync(string id, System.Collections.Concurrent.ConcurrentBag<string> failures, ProgressLine progress, SemaphoreSlim slots, CancellationToken ct)
    {
        var ok = false;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(Deadline);
            await engine.Client.ScheduleNewOrchestrationInstanceAsync(BaselineOrchestration.Name, "sample", new StartOrchestrationOptions(id), deadline.Token);
            await PollUntilAsync(id, s => s.Status?.Contains(BaselineOrchestration.AwaitingConfirmation, StringComparison.Ordinal) == true, deadline.Token);
            await engine.Client.RaiseEventAsync(id, BaselineOrchestration.ConfirmEvent, "confirmed", deadline.Token);
            var end = await PollUntilAsync(id, s => s.OrchestrationStatus == OrchestrationStatus.Completed, deadline.Token);
            ok = end.Output?.Contains("completed", StringComparison.Ordinal) == true;
            if (!ok)
            {
                failures.Add($"{id}: ended {end.Output}");
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or Grpc.Core.RpcException)
        {
            failures.Add($"{id}: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            progress.Finished(ok);
            slots.Release();
        }
    }

    /// <summary>Same back-off as the app's driver; an orchestration that fails or terminates ends the wait.</summary>
    private async Task<OrchestrationState> PollUntilAsync(string id, Func<OrchestrationState, bool> wanted, CancellationToken ct)
    {
        var delay = plan.PollInterval;
        while (true)
        {
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(MaxPollInterval.Ticks, plan.PollInterval.Ticks)));
            var state = (await engine.PollService.GetOrchestrationStateAsync(id, allExecutions: false)).FirstOrDefault();
            if (state is null)
            {
                continue;
            }

            if (wanted(state))
            {
                return state;
            }

            if (state.OrchestrationStatus is OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled)
            {
                throw new InvalidOperationException($"the orchestration ended {state.OrchestrationStatus}: {state.Output}");
            }
        }
    }

    private static Dictionary<string, long> Minus(IReadOnlyDictionary<string, long> after, IReadOnlyDictionary<string, long> before) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);

    private static string Describe(BaselineEngine engine)
    {
        var o = engine.Options;
        return string.Create(CultureInfo.InvariantCulture,
            $"partitions {o.PartitionCount}, extended sessions {o.ExtendedSessionsEnabled}, max polling {o.MaxQueuePollingInterval.TotalSeconds:F1}s, "
            + $"activities {o.MaxConcurrentActivityFunctions?.ToString(CultureInfo.InvariantCulture) ?? "default"}, orchestrators {o.MaxConcurrentOrchestratorFunctions?.ToString(CultureInfo.InvariantCulture) ?? "default"}");
    }
}
