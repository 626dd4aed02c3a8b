using Checkout.Domain.Workflow;
using Checkout.Testing;

namespace Checkout.Functions.Tests;

/// <summary>
/// The real app on Durable Task over Azurite, as processes of the local host on one task hub: one serves the merchant
/// API throughout while another is SIGKILLed at random moments and restarted (the partitions and work items it held
/// come back to whichever instance takes them), or two compete from the start. Afterwards an audit: every checkout
/// completed, one capture and one payout per checkout at the sandboxes, each timeline numbered without gaps with one
/// capture and one payout hand-off, and the ledger balanced.
/// </summary>
public sealed class CrashSafetyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Fails only when no checkout advanced for this long: longer than a killed instance's partition leases (15 s) and
    // work-item visibility (30 s) take to come back, so a stall is a defect, while a slow machine merely takes longer.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Crash_InstanceKilledAtRandomWhile200CheckoutsRun_EveryCheckoutCompletesOnce()
    {
        var prefix = Prefix();
        await using var client = new WorkflowClient(azurite.ConnectionString, prefix);
        using var front = StartApp(prefix);
        await front.WaitUntilServingAsync();
        using var chaos = new WorkerChaos(() => StartApp(prefix), new Random(20261202), maxCrashes: 8);
        using var stopChaos = new CancellationTokenSource();
        var chaosTask = chaos.RunAsync(stopChaos.Token);
        List<string> ids;
        try
        {
            ids = await StartAllAsync(front, 200, "crash");
            await UntilAllInPhaseAsync(client, ids, CheckoutPhase.AwaitingConfirmation, () => $"{chaos.Crashes} crash(es); front: {front.Output}");
            await ConfirmAllAsync(client, front, ids);
            await UntilAllInPhaseAsync(client, ids, CheckoutPhase.Completed, () => $"{chaos.Crashes} crash(es); front: {front.Output}");
        }
        finally
        {
            await stopChaos.CancelAsync();
            await chaosTask;
        }

        await AuditAsync(client, ids);

        // Otherwise the run proved nothing about crashes.
        Assert.True(chaos.Crashes >= 3, $"only {chaos.Crashes} crash(es) happened while work was in flight");
    }

    [Fact]
    public async Task Competition_TwoInstancesOnOneTaskHub_EveryCheckoutCompletesOnce()
    {
        var prefix = Prefix();
        await using var client = new WorkflowClient(azurite.ConnectionString, prefix);
        using var first = StartApp(prefix);
        using var second = StartApp(prefix);
        await first.WaitUntilServingAsync();
        await second.WaitUntilServingAsync();

        var ids = await StartAllAsync(first, 60, "pair");
        await UntilAllInPhaseAsync(client, ids, CheckoutPhase.AwaitingConfirmation, () => WorkersAlive(first, second));
        await ConfirmAllAsync(client, second, ids);
        await UntilAllInPhaseAsync(client, ids, CheckoutPhase.Completed, () => WorkersAlive(first, second));

        Assert.False(first.HasExited || second.HasExited, "an instance exited while competing:\n" + WorkersAlive(first, second));
        await AuditAsync(client, ids);
    }

    private static async Task<List<string>> StartAllAsync(AppProcess app, int count, string name)
    {
        var ids = new List<string>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(16))
        {
            ids.AddRange(await Task.WhenAll(batch.Select(i => WorkflowClient.StartAsync(app.BaseAddress, $"{name}-{i:D3}"))));
        }

        return ids;
    }

    private static async Task ConfirmAllAsync(WorkflowClient client, AppProcess app, List<string> ids)
    {
        foreach (var batch in ids.Chunk(16))
        {
            await Task.WhenAll(batch.Select(async id => await WorkflowClient.ConfirmAsync(app.BaseAddress, id, (await client.StateAsync(id)).Quote!.Id, () => client.EngineViewAsync(id))));
        }
    }

    private static Task UntilAllInPhaseAsync(WorkflowClient client, List<string> ids, CheckoutPhase phase, Func<string> workers)
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
            var timeline = await client.TimelineAsync(id);
            Assert.Equal(Enumerable.Range(1, timeline.Count), timeline.Select(h => h.Sequence));
            Assert.Single(timeline, h => h.EventType == "PaymentCaptured");
            Assert.Single(timeline, h => h.EventType == "PayoutHandedOff");
        }

        // A checkout completes with its payout's hand-off; the payout goes on to be paid. The ledger is reconciled once
        // every payout is paid: Azurite applies a batch row by row, so a read during a payout's posting could see
        // part of it (Azure's table batches are atomic to readers).
        await Eventually.UntilAsync(client.PayoutsNotPaidAsync, left => left == 0, TimeSpan.FromSeconds(60), "every payout is paid");
        var ledger = await client.LedgerAsync();
        Assert.True(ledger.IsReconciled, string.Join(Environment.NewLine, ledger.Problems));
    }

    private AppProcess StartApp(string prefix) => AppProcess.Start(new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Checkout__ResourcePrefix"] = prefix,
        ["Merchants__DevApiKey"] = WorkflowClient.DevKey,

        // Queue messages a killed instance held come back after this, instead of the Functions default of 10 minutes.
        ["QueueTriggers__ReceiveVisibilityTimeout"] = "00:00:04",
    });

    private static string Prefix() => "c" + Guid.NewGuid().ToString("N")[..10];
}
