using System.Runtime.InteropServices;
using Checkout.Bench.Baseline;
using Checkout.Testing;

namespace Checkout.Bench;

/// <summary>
/// Runs a bench: each load run on its own fresh Azurite (disk persistence, free ports) and fresh app instances, each
/// followed by an audit and, for the as-fast-as-possible runs, the Azurite ceiling for the storage mix that run
/// measured, on another fresh Azurite, so the probe starts from an empty store as the run did. Fresh because Azurite's queue store re-sorts its indexes over every
/// message of every queue on each receive and delete: the quote-expiry timers one run leaves (one per checkout, due
/// in 15 minutes) would slow the next. Everything it starts is stopped again, on failure and Ctrl+C too.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, TextWriter log)
{
    public static IReadOnlyList<string> NotMeasured { get; } = [];

    /// <summary>Round-robin, so every instance serves this many warm-up checkouts.</summary>
    public const int WarmUpCheckoutsPerInstance = 3;

    public async Task<BenchResult> RunAsync(CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var runs = new List<RunFigures>();
        var plan = new LoadPlan(options.Checkouts, options.Concurrency, options.Rate, options.PollInterval);
        foreach (var instances in options.ChaosOnly ? [] : options.Instances)
        {
            runs.Add(await LoadRunAsync($"{instances} instance(s)", instances, plan, chaos: false, ct));
        }

        if (options.HalfPeak && runs.FirstOrDefault(r => r.Instances == 1 && options.Rate is null) is { CheckoutsPerSecond: > 0 } peak)
        {
            var half = plan with { Rate = Math.Round(peak.CheckoutsPerSecond / 2, 1) };
            runs.Add(await LoadRunAsync("1 instance, half peak rate", 1, half, chaos: false, ct));
        }

        if (options.Chaos)
        {
            var chaosPlan = plan with { Checkouts = options.ChaosCheckouts ?? options.Checkouts };
            runs.Add(await LoadRunAsync("chaos", options.Instances.Max(), chaosPlan, chaos: true, ct));
        }

        // After the app's runs, on its own fresh Azurite, at the same concurrency and count as the app's runs.
        var baseline = options.Baseline ? await BaselineRun.RunAsync(plan with { Rate = null }, options.WarmUp, log, ct) : null;
        return new BenchResult(started, options.CommandLine, Environment.ProcessorCount, RuntimeInformation.OSDescription, runs, NotMeasured) { Baseline = baseline };
    }

    private async Task<RunFigures> LoadRunAsync(string label, int instances, LoadPlan plan, bool chaos, CancellationToken ct)
    {
        await using var azurite = await AzuriteProcess.StartAsync(ct);

        // Last resort if the harness is torn down without unwinding: never leave Azurite behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Kill();
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        log.WriteLine($"{label}: {plan.Checkouts} checkouts, prefix {prefix}");
        var figures = await WithFleetAsync(azurite, prefix, label, instances, plan, chaos, ct);
        if (chaos || plan.Rate is not null)
        {
            return figures;
        }

        // After the fleet has stopped, so nothing of the run shares the machine with the probe.
        await azurite.DisposeAsync();
        await using var probeAzurite = await AzuriteProcess.StartAsync(ct);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => probeAzurite.Kill();
        using var probe = new CeilingProbe(probeAzurite.ConnectionString, prefix, StorageMix.Of(figures.StorageOperationsPerCheckout));
        log.WriteLine($"{label}: measuring the Azurite ceiling for this storage mix ({options.CeilingDuration.TotalSeconds:F0}s)");
        return figures with { Ceiling = await probe.RunAsync(plan.Concurrency, options.CeilingDuration, ct) };
    }

    private async Task<RunFigures> WithFleetAsync(AzuriteProcess azurite, string prefix, string label, int instances, LoadPlan plan, bool chaos, CancellationToken ct)
    {
        await using var fleet = await AppFleet.StartAsync(azurite.ConnectionString, prefix, instances, chaos ? ChaosSettings : new Dictionary<string, string>());
        using var api = new CheckoutApiClient(fleet.AddressFor);
        using var webhooks = new WebhookReceiver();
        await api.RegisterWebhookAsync(webhooks.Url, ct);
        var warmUp = await WarmUpAsync(api, webhooks, instances, plan, prefix, label, atLoad: !chaos && plan.Rate is null, ct);
        var before = await fleet.StorageOperationsAsync(ct);
        var cpuBefore = CpuPerCheckout.Read(fleet, azurite);
        var driver = new LoadDriver(api, webhooks, plan);
        var monkey = chaos ? new ChaosMonkey(fleet, azurite, options.KillEvery, options.MaxKills ?? int.MaxValue, restartAzurite: true) : null;
        using var stopChaos = new CancellationTokenSource();
        var chaosTask = monkey?.RunAsync(stopChaos.Token) ?? Task.CompletedTask;
        IReadOnlyList<CheckoutRecord> records;
        try
        {
            records = await driver.RunAsync(prefix, label, ct);
        }
        finally
        {
            await stopChaos.CancelAsync();
            await chaosTask;
        }

        var cpu = CpuPerCheckout.Read(fleet, azurite).Since(cpuBefore, records.Count(r => r.CompletedSeenAt is not null));
        var storage = (await fleet.StorageOperationsAsync(ct)).Minus(before);
        await WebhooksSettledAsync(webhooks, ct);
        var server = await HistoryTimings.ReadAsync(api, records, ct);
        var pollCost = await HistoryTimings.StatusPollCostAsync(api, fleet, records, ct);
        await using var auditor = new CheckoutAuditor(azurite.ConnectionString, prefix);
        var audit = await auditor.AuditAsync([.. warmUp.Records, .. records], ct);
        if (monkey is { Kills: 0 } or { AzuriteRestarted: false })
        {
            // A chaos round that ended before its chaos tested nothing; its audit must not read as passed.
            audit = audit with
            {
                Violations = [.. audit.Violations, $"The chaos round ended after {monkey.Kills} kill(s){(monkey.AzuriteRestarted ? string.Empty : " and before Azurite's restart")}: too short to test them. Give it more checkouts (--chaos-checkouts) or kill sooner (--kill-every)."],
            };
        }

        return RunAnalyzer.Analyze(label, instances, plan, records, server, storage, api.Retries) with
        {
            StatusPollCost = pollCost,
            Audit = audit,
            InstanceRestarts = fleet.Restarts,
            AzuriteRestarted = monkey?.AzuriteRestarted ?? false,
            StorageCountsApproximate = chaos,
            Cpu = chaos ? null : cpu, // Killed instances and a restarted Azurite take their CPU counts with them.
            ColdStartToAwaitingMs = warmUp.SlowestStartToAwaitingMs,
            WarmUpCheckouts = warmUp.Records.Count,
            WebhookDeliveryMs = LatencySummary.Of(webhooks.Received.Select(w => w.LatencyMs)),
            WebhooksReceived = webhooks.Received.GroupBy(w => w.Type).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    /// <summary>
    /// Before a run is measured, checkouts driven to the end and left out of every figure but the audit; the baseline
    /// warms up the same way.
    /// <list type="bullet">
    /// <item>The cold start: <see cref="WarmUpCheckoutsPerInstance"/> per instance. A freshly started instance processes
    /// no orchestration until the engine owns its control-queue partition: an intent lease, then the ownership lease
    /// one lease-acquire interval later (5 s locally), so the first checkouts of a cold run waited up to that long and
    /// were the whole p99 of a paced run. Reported apart (<see cref="RunFigures.ColdStartToAwaitingMs"/>).</item>
    /// <item>Then, before a throughput run (<paramref name="atLoad"/>), <see cref="BenchOptions.WarmUp"/> at the run's
    /// concurrency, for the JIT: .NET compiles a method quickly first and again, optimized, after about 30 calls each
    /// way, in the background. A 200-checkout run that started cold spent a third of the app's CPU on it (its first 5 s
    /// measured 3.2 s of compilation), and the app, with far more code than the bare engine, paid more of it. Not
    /// before a paced or chaos run: what they measure is latency and the audit, and every checkout driven before them
    /// is data Azurite then rewrites in each 5-second save of its table store, a pause that grows with it (a paced run
    /// after this warm-up had its p99 at the saves, 99 ms rising to 376 ms).</item>
    /// </list>
    /// </summary>
    private async Task<(IReadOnlyList<CheckoutRecord> Records, double? SlowestStartToAwaitingMs)> WarmUpAsync(
        CheckoutApiClient api, WebhookReceiver webhooks, int instances, LoadPlan plan, string prefix, string label, bool atLoad, CancellationToken ct)
    {
        var cold = plan with { Checkouts = WarmUpCheckoutsPerInstance * instances, Concurrency = instances, Rate = null };
        var records = await new LoadDriver(api, webhooks, cold).RunAsync(prefix + "-warmup", label + " warm-up", ct);
        var timings = await HistoryTimings.ReadAsync(api, records, ct);
        if (atLoad && options.WarmUp > 0)
        {
            var hot = plan with { Checkouts = options.WarmUp, Rate = null };
            records = [.. records, .. await new LoadDriver(api, webhooks, hot).RunAsync(prefix + "-warmload", label + " warm-up at load", ct)];
        }

        await WebhooksSettledAsync(webhooks, ct);
        webhooks.ForgetReceived();
        return (records, timings.Values.Max(t => t.StartToAwaitingMs));
    }

    /// <summary>Webhooks still on their way (delivery is queued) get until no new one has arrived for 3 s, at most 20 s.</summary>
    private static async Task WebhooksSettledAsync(WebhookReceiver webhooks, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var (count, quietSince) = (webhooks.Received.Count, DateTime.UtcNow);
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(250, ct);
            if (webhooks.Received.Count != count)
            {
                (count, quietSince) = (webhooks.Received.Count, DateTime.UtcNow);
            }
        }
    }

    /// <summary>As in CrashSafetyTests: queue messages a killed instance held return after 4 s instead of the Functions
    /// default of 10 minutes (Durable's own work items come back after the local host's short visibility timeouts).</summary>
    private static Dictionary<string, string> ChaosSettings { get; } = new()
    {
        ["QueueTriggers__ReceiveVisibilityTimeout"] = "00:00:04",
    };
}
