using Checkout.Testing;

namespace Checkout.Bench.Baseline;

/// <summary>The bare-engine baseline run (<c>--baseline</c>): on its own fresh Azurite, as every load run is, so
/// neither inherits the other's leftover queue messages.</summary>
internal static class BaselineRun
{
    public static async Task<BaselineFigures> RunAsync(LoadPlan plan, int warmUp, TextWriter log, CancellationToken ct)
    {
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Kill();
        await using var engine = await BaselineEngine.StartAsync(azurite.ConnectionString, ct);
        log.WriteLine($"bare-engine baseline: {plan.Checkouts} orchestrations at concurrency {plan.Concurrency}");
        return await new BaselineDriver(engine, plan, warmUp).RunAsync("baseline", () => CpuPerCheckout.Read(fleet: null, azurite), ct);
    }
}
