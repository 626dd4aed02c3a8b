using Checkout.Domain.Workflow;
using Checkout.Testing;

namespace Checkout.Functions.Tests;

/// <summary>
/// Worker processes of the real app on the same Azurite, SIGKILLed at random moments and restarted, or competing for
/// the same queues. Afterwards an audit: every checkout reached the expected phase, one capture and one payout per
/// checkout, history numbered without gaps, no outbox row left behind.
/// </summary>
public sealed class CrashSafetyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Fails only when no checkout advanced for this long: longer than a worker restart plus the 4 s receive visibility
    // timeout several times over, so a stall is a defect, while a slow machine merely takes longer.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Crash_WorkerKilledAtRandomWhile200CheckoutsRun_EveryCheckoutCompletesOnce()
    {
        var prefix = Prefix();
        await using var client = new WorkflowClient(azurite.ConnectionString, prefix);
        await client.InitializeAsync();
        var ids = Enumerable.Range(0, 200).Select(i => $"crash-{i:D3}").ToList();
        var chaos = new WorkerChaos(() => StartWorker(prefix), new Random(20261122), maxCrashes: 8);
        using var stopChaos = new CancellationTokenSource();
        var chaosTask = chaos.RunAsync(stopChaos.Token);
        try
        {
            foreach (var id in ids)
            {
                Assert.True(await client.StartAsync(id));
            }

            await UntilAllInPhaseAsync(client, ids, CheckoutPhase.AwaitingConfirmation, () => $"{chaos.Crashes} crash(es)");
            foreach (var id in ids)
            {
                var state = await client.StateAsync(id);
                await client.Runtime.ApplyAsync(id, new ConfirmRequested(state.Quote!.Id, DateTimeOffset.UtcNow), CancellationToken.None);
            }

            await UntilAllInPhaseAsync(client, ids, CheckoutPhase.Completed, () => $"{chaos.Crashes} crash(es)");
        }
        finally
        {
            await stopChaos.CancelAsync();
            await chaosTask;
        }

        // The last worker stays up: its sweeper resends whatever a killed one left in the outbox.
        await Eventually.UntilAsync(client.OutboxRowsAsync, n => n == 0, TimeSpan.FromSeconds(60), "the sweeper empties the outbox");
        await AuditAsync(client, ids);
        chaos.Dispose();

        // Otherwise the run proved nothing about crashes.
        Assert.True(chaos.Crashes >= 3, $"only {chaos.Crashes} crash(es) happened while work was in flight");
    }

    [Fact]
    public async Task Competition_TwoWorkerProcessesOnSameQueues_EveryCheckoutCompletesOnce()
    {
        var prefix = Prefix();
        await using var client = new WorkflowClient(azurite.ConnectionString, prefix);
        await client.InitializeAsync();
        var ids = Enumerable.Range(0, 60).Select(i => $"pair-{i:D3}").ToList();
        using var first = StartWorker(prefix);
        using var second = StartWorker(prefix);
        foreach (var id in ids)
        {
            Assert.True(await client.StartAsync(id));
        }

        await UntilAllInPhaseAsync(client, ids, CheckoutPhase.AwaitingConfirmation, () => WorkersAlive(first, second));
        foreach (var id in ids)
        {
            var state = await client.StateAsync(id);
            await client.Runtime.ApplyAsync(id, new ConfirmRequested(state.Quote!.Id, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        await UntilAllInPhaseAsync(client, ids, CheckoutPhase.Completed, () => WorkersAlive(first, second));
        Assert.False(first.HasExited || second.HasExited, "a worker exited while competing:\n" + WorkersAlive(first, second));
        await AuditAsync(client, ids);
    }

    private static Task UntilAllInPhaseAsync(
        WorkflowClient client, List<string> ids, CheckoutPhase phase, Func<string> workers)
    {
        // Both phases waited for stay put until the test acts, so a checkout seen there is not read again.
        var arrived = new HashSet<string>();
        return Eventually.WhileProgressingAsync(
            async () =>
            {
                foreach (var id in ids.Where(i => !arrived.Contains(i)).ToList())
                {
                    if ((await client.StateAsync(id)).Phase == phase)
                    {
                        arrived.Add(id);
                    }
                }

                return arrived.Count;
            },
            ids.Count,
            StallLimit,
            $"every checkout is {phase}",
            async () => $"{workers()}; phases: {await PhasesAsync(client, ids)}");
    }

    private static string WorkersAlive(params AppProcess[] workers) =>
        string.Join("\n---\n", workers.Select(w => (w.HasExited ? "(exited) " : "(running) ") + w.Output));

    private static async Task<string> PhasesAsync(WorkflowClient client, IReadOnlyList<string> ids)
    {
        var states = await Task.WhenAll(ids.Select(client.StateAsync));
        return string.Join(", ", states.GroupBy(s => s.Phase).Select(g => $"{g.Key}: {g.Count()} (e.g. {g.First().Id})"));
    }

    private static async Task AuditAsync(WorkflowClient client, IReadOnlyList<string> ids)
    {
        var captures = await client.CapturesAsync();
        Assert.Equal(ids.Order(StringComparer.Ordinal), captures.Select(c => c.CheckoutId).Order(StringComparer.Ordinal));
        var payouts = await client.PayoutsAsync();
        Assert.Equal(ids.Order(StringComparer.Ordinal), payouts.Select(p => p.CheckoutId).Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            var history = await client.HistoryAsync(id);
            Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Sequence));
            Assert.Single(history, h => h.EventType == "PaymentCaptured");
            Assert.Single(history, h => h.EventType == "PayoutHandedOff");
        }
    }

    private AppProcess StartWorker(string prefix) => AppProcess.Start(new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Checkout__ResourcePrefix"] = prefix,
        ["Checkout__OutboxSweepInterval"] = "00:00:01",
        ["Checkout__OutboxMinAge"] = "00:00:02",

        // Messages a killed worker held come back after this, instead of the Functions default of 10 minutes.
        ["QueueTriggers__ReceiveVisibilityTimeout"] = "00:00:04",
    });

    private static string Prefix() => "c" + Guid.NewGuid().ToString("N")[..10];
}
