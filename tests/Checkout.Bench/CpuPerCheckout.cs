using System.Diagnostics;
using Checkout.Testing;

namespace Checkout.Bench;

/// <summary>
/// CPU milliseconds per completed checkout over a measured run, by process: the app instances, Azurite, and the bench
/// itself (the load driver and the webhook receiver; for the baseline, its engine as well). On a machine where they all
/// share two cores, throughput follows whichever costs most, and these say which. They vary between runs as the
/// machine's speed does, so compare processes within a run, and runs by their ratios.
/// </summary>
internal sealed record CpuPerCheckout(double AppMs, double AzuriteMs, double BenchMs)
{
    public double TotalMs => AppMs + AzuriteMs + BenchMs;

    /// <summary>Reads every process's CPU time now; <see cref="Since"/> a later reading gives the run's share.</summary>
    public static Reading Read(AppFleet? fleet, AzuriteProcess azurite)
    {
        using var self = Process.GetCurrentProcess();
        return new Reading(fleet?.ProcessorTime() ?? TimeSpan.Zero, azurite.ProcessorTime, self.TotalProcessorTime);
    }

    internal sealed record Reading(TimeSpan App, TimeSpan Azurite, TimeSpan Bench)
    {
        public CpuPerCheckout? Since(Reading before, int completed) => completed <= 0
            ? null
            : new CpuPerCheckout(
                Math.Round((App - before.App).TotalMilliseconds / completed, 1),
                Math.Round((Azurite - before.Azurite).TotalMilliseconds / completed, 1),
                Math.Round((Bench - before.Bench).TotalMilliseconds / completed, 1));
    }
}
