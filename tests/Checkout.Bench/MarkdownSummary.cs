using System.Globalization;
using System.Text;

namespace Checkout.Bench;

/// <summary>The ready-to-paste README summary of a bench: ratios and per-checkout costs with the conditions.</summary>
internal static class MarkdownSummary
{
    public static string Write(BenchResult result)
    {
        var md = new StringBuilder();
        Line(md, $"Measured {result.StartedAt:yyyy-MM-dd HH:mm} UTC on {result.ProcessorCount} cores ({result.Machine}), Azurite on disk, sandbox providers, with `{result.Command}`.");
        md.AppendLine();
        md.AppendLine("| Run | Completed | Checkouts/s | Achieved / Azurite ceiling | Start → awaiting p50 / p95 / p99 ms | Confirm → completed p50 / p95 / p99 ms | Storage ops / checkout | Audit |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var run in result.Runs)
        {
            var ceiling = run.Ceiling is { } c ? F($"{run.AchievedOverCeiling:F2} (ceiling {c.CheckoutsPerSecond:F1}/s)") : "not measured (paced or chaos run)";
            Line(md, $"| {run.Label} ({run.OfferedLoad}) | {run.Completed}/{run.Checkouts} | {run.CheckoutsPerSecond:F1} | {ceiling} | {Percentiles(run.StartToAwaitingMs)} | {Percentiles(run.ConfirmToCompletedMs)} | {run.StorageOperationsPerCheckoutTotal:F1}{(run.StorageCountsApproximate ? " (approx.)" : string.Empty)} | {Audit(run)} |");
        }

        md.AppendLine();
        foreach (var run in result.Runs.Where(r => r.ColdStartToAwaitingMs is not null))
        {
            var atLoad = run.WarmUpCheckouts - (BenchRunner.WarmUpCheckoutsPerInstance * run.Instances);
            Line(md, $"Cold start ({run.Label}): the first {BenchRunner.WarmUpCheckoutsPerInstance} checkouts per instance, driven before the run{(atLoad > 0 ? F($" with {atLoad} more at its concurrency") : string.Empty)} and left out of its figures, took up to {run.ColdStartToAwaitingMs:F0} ms from start to awaiting_confirmation.");
        }

        md.AppendLine();
        foreach (var run in result.Runs.Where(r => r.WebhookDeliveryMs is { Count: > 0 }))
        {
            Line(md, $"Webhook delivery, event to receipt ({run.Label}): p50 / p95 / p99 {Percentiles(run.WebhookDeliveryMs!)} ms over {string.Join(", ", run.WebhooksReceived.Select(p => F($"{p.Value} {p.Key}")))}.");
        }

        md.AppendLine();
        foreach (var run in result.Runs.Where(r => r.Cpu is not null))
        {
            var cpu = run.Cpu!;
            Line(md, $"CPU per checkout ({run.Label}): {cpu.TotalMs:F1} ms: app {cpu.AppMs:F1}, Azurite {cpu.AzuriteMs:F1}, bench (driver, webhook receiver) {cpu.BenchMs:F1}.");
        }

        if (result.Runs.Count > 0 && result.Runs[0] is var first)
        {
            md.AppendLine();
            Line(md, $"Storage operations per checkout ({first.Label}), of which status polling {first.StatusPollsPerCheckout:F1} GETs × {PollCost(first)}:");
            md.AppendLine();
            foreach (var (kind, count) in first.StorageOperationsPerCheckout.OrderByDescending(p => p.Value))
            {
                Line(md, $"- {kind}: {count:F2}");
            }
        }

        WriteBaseline(md, result);
        md.AppendLine();
        foreach (var gap in result.NotMeasured)
        {
            Line(md, $"Not measured: {gap}.");
        }

        return md.ToString();
    }

    private static void WriteBaseline(StringBuilder md, BenchResult result)
    {
        if (result.Baseline is not { } b)
        {
            return;
        }

        md.AppendLine();
        Line(md, $"Bare-engine baseline ({b.EngineSettings}): {b.Completed}/{b.Orchestrations} checkout-shaped orchestrations at concurrency {b.Concurrency}, {b.OrchestrationsPerSecond:F2}/s, {b.StorageOperationsPerOrchestrationTotal:F1} storage operations each.");
        if (b.Cpu is { } cpu)
        {
            Line(md, $"CPU per baseline orchestration: {cpu.TotalMs:F1} ms: Azurite {cpu.AzuriteMs:F1}, bench (the engine and its driver) {cpu.BenchMs:F1}.");
        }

        if (result.AgainstBaseline is not { } c)
        {
            return;
        }

        Line(md, $"App ({c.AppRun}) / baseline: **{c.ThroughputRatio:F2}×** the throughput; **{c.AppOperationsPerCheckout:F1}** storage operations per checkout (status polling excluded) against **{c.BaselineOperationsPerOrchestration:F1}** per orchestration.");
        md.AppendLine();
        md.AppendLine("| Kind | App / checkout | Baseline / orchestration |");
        md.AppendLine("|---|---|---|");
        foreach (var (kind, pair) in c.ByKind.OrderByDescending(p => p.Value.App))
        {
            Line(md, $"| {kind} | {pair.App:F2} | {pair.Baseline:F2} |");
        }
    }

    private static string Percentiles(LatencySummary s) => s.Count == 0 ? "n/a" : F($"{s.P50:F0} / {s.P95:F0} / {s.P99:F0}");

    private static string PollCost(RunFigures run) => run.StatusPollCost is { Count: > 0 } cost
        ? string.Join(" + ", cost.Select(p => F($"{p.Value:F2} {p.Key}")))
        : "unknown cost";

    private static string Audit(RunFigures run) => run.Audit switch
    {
        null => "not run",
        { Passed: true } a => F($"passed ({a.Completed} completed{(run.InstanceRestarts > 0 ? F($", {run.InstanceRestarts} kills") : string.Empty)}{(run.AzuriteRestarted ? ", Azurite restarted" : string.Empty)})"),
        { } a => F($"**{a.Violations.Count} violation(s)**"),
    };

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, FormattableString s) => md.AppendLine(F(s));
}
