using Checkout.Domain.Payments;
using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Workflows.Tests;

/// <summary>The durable workflow end to end on a real Azurite: steps, fan-out/fan-in, timers, events, redelivery,
/// competing workers, poison and a storage restart.</summary>
public sealed class CheckoutWorkflowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HappyPath_StartConfirm_CompletesWithOneCaptureAndOnePayout()
    {
        await using var host = await StartHostAsync();
        var pump = new QueuePump(host);

        var state = await RunToCompletedAsync(host, pump, "happy1");

        Assert.NotNull(state.CaptureId);
        Assert.Equal("happy1-payout", state.PayoutId);
        Assert.Single(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        var history = await ToListAsync(host.Store.GetHistoryAsync("happy1", CancellationToken.None));
        var types = history.Select(h => h.EventType).ToList();
        Assert.Equal(["CheckoutStarted", "FxQuoted"], types[..2]);
        Assert.Equal(["CustomsScreened", "LogisticsPlanned"], types[2..4].Order()); // fan-in: either order
        Assert.Equal(["LandedCostPriced", "ConfirmRequested", "PaymentCaptured", "PayoutHandedOff"], types[4..]);
        Assert.Equal(Enumerable.Range(1, 8), history.Select(h => h.Sequence));
        Assert.Empty(await host.OutboxRowsAsync("happy1"));
    }

    [Fact]
    public async Task Redelivery_EveryMessageTwice_SameOutcomesAsOnce()
    {
        await using var host = await StartHostAsync();
        var once = await RunToCompletedAsync(host, new QueuePump(host), "once1");
        var twice = await RunToCompletedAsync(host, new QueuePump(host, deliveriesPerMessage: 2), "twice1");

        Assert.Equal(once.Phase, twice.Phase);
        Assert.Equal(once.LandedCost!.Total, twice.LandedCost!.Total);
        Assert.Equal(once.Sequence, twice.Sequence);
        var captures = await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None);
        Assert.Single(captures, c => c.CheckoutId == "twice1");
        Assert.True(host.Metrics.DuplicatesIgnored > 0, "the second deliveries must have been recognised as duplicates");
    }

    [Fact]
    public async Task Competition_TwoWorkersOnSameQueues_EveryCheckoutCompletesOnce()
    {
        var prefix = Prefix();
        var clock = new ManualClock(Start);
        await using var first = await WorkflowHost.StartAsync(azurite.ConnectionString, prefix, clock);
        await using var second = await WorkflowHost.StartAsync(azurite.ConnectionString, prefix, clock);
        var ids = Enumerable.Range(0, 12).Select(i => $"race{i}").ToList();
        foreach (var id in ids)
        {
            Assert.True(await first.Runtime.StartAsync(WorkflowHost.NewCheckout(id, clock.GetUtcNow()), CancellationToken.None));
        }

        await PumpBothUntilAsync(first, second, async () => (await Task.WhenAll(ids.Select(first.StateAsync))).All(s => s.Phase == CheckoutPhase.AwaitingConfirmation));
        foreach (var id in ids)
        {
            var state = await first.StateAsync(id);
            await (ids.IndexOf(id) % 2 == 0 ? first : second).Runtime.ApplyAsync(id, new ConfirmRequested(state.Quote!.Id, clock.GetUtcNow()), CancellationToken.None);
        }

        await PumpBothUntilAsync(first, second, async () => (await Task.WhenAll(ids.Select(first.StateAsync))).All(s => s.Phase == CheckoutPhase.Completed));
        var captures = await first.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None);
        Assert.Equal(ids.Order(), captures.Select(c => c.CheckoutId).Order());
        var payouts = await first.Get<PayoutHandOff>().ListAsync(CancellationToken.None);
        Assert.Equal(ids.Order(), payouts.Select(p => p.CheckoutId).Order());
    }

    [Fact]
    public async Task Poison_CaptureAlwaysThrows_MessageToPoisonAfterFiveAndCheckoutNeedsAttention()
    {
        await using var host = await StartHostAsync(services => services.AddSingleton<IPaymentGateway, BrokenPaymentGateway>());
        var pump = new QueuePump(host);
        await StartAndAwaitConfirmationAsync(host, pump, "poison1");
        var state = await host.StateAsync("poison1");
        await host.Runtime.ApplyAsync("poison1", new ConfirmRequested(state.Quote!.Id, host.Clock.GetUtcNow()), CancellationToken.None);

        await pump.UntilAsync(async () => (await host.StateAsync("poison1")).Phase == CheckoutPhase.NeedsAttention, Timeout, "the checkout needs attention");

        var final = await host.StateAsync("poison1");
        Assert.Equal("workflow.step_poisoned", final.Rejection!.Code);
        Assert.Contains("payment service is down", final.Rejection.Detail, StringComparison.Ordinal);
        Assert.Equal(1, pump.Poisoned);
    }

    [Fact]
    public async Task Timers_UnconfirmedCheckout_RequotesOnceThenExpires()
    {
        await using var host = await StartHostAsync();
        var pump = new QueuePump(host);
        await StartAndAwaitConfirmationAsync(host, pump, "timer1");
        var first = await host.StateAsync("timer1");
        Assert.Equal("timer1-q1", first.Quote!.Id);

        host.Clock.Advance(first.Quote.ExpiresAt - host.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await pump.UntilAsync(async () => (await host.StateAsync("timer1")) is { Phase: CheckoutPhase.AwaitingConfirmation, QuoteCount: 2 }, Timeout, "a second quote");
        var second = await host.StateAsync("timer1");
        Assert.Equal("timer1-q2", second.Quote!.Id);

        var confirmOld = await host.Runtime.ApplyAsync("timer1", new ConfirmRequested("timer1-q1", host.Clock.GetUtcNow()), CancellationToken.None);
        Assert.Equal("quote.superseded", confirmOld.Decision!.Refusal!.Code);

        host.Clock.Advance(second.Quote.ExpiresAt - host.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await pump.UntilAsync(async () => (await host.StateAsync("timer1")).Phase == CheckoutPhase.Expired, Timeout, "expiry");
    }

    [Fact]
    public async Task Payment_TransientToken_FailsTwiceThenCapturesOnce()
    {
        await using var host = await StartHostAsync();
        var pump = new QueuePump(host);
        Assert.True(await host.Runtime.StartAsync(WorkflowHost.NewCheckout("transient1", host.Clock.GetUtcNow(), SandboxPaymentGateway.TransientToken), CancellationToken.None));
        await pump.UntilAsync(async () => (await host.StateAsync("transient1")).Phase == CheckoutPhase.AwaitingConfirmation, Timeout, "awaiting confirmation");
        var quoteId = (await host.StateAsync("transient1")).Quote!.Id;
        await host.Runtime.ApplyAsync("transient1", new ConfirmRequested(quoteId, host.Clock.GetUtcNow()), CancellationToken.None);

        await pump.UntilAsync(async () => (await host.StateAsync("transient1")).Phase == CheckoutPhase.Completed, Timeout, "completion after retries");

        Assert.Single(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None), c => c.CheckoutId == "transient1");
        Assert.Equal(0, pump.Poisoned);
    }

    [Fact]
    public async Task Payment_DeclinedToken_FailsWithTheDeclineAndNoCapture()
    {
        await using var host = await StartHostAsync();
        var pump = new QueuePump(host);
        Assert.True(await host.Runtime.StartAsync(WorkflowHost.NewCheckout("declined1", host.Clock.GetUtcNow(), SandboxPaymentGateway.DeclinedToken), CancellationToken.None));
        await pump.UntilAsync(async () => (await host.StateAsync("declined1")).Phase == CheckoutPhase.AwaitingConfirmation, Timeout, "awaiting confirmation");
        var quoteId = (await host.StateAsync("declined1")).Quote!.Id;
        await host.Runtime.ApplyAsync("declined1", new ConfirmRequested(quoteId, host.Clock.GetUtcNow()), CancellationToken.None);

        await pump.UntilAsync(async () => (await host.StateAsync("declined1")).Phase == CheckoutPhase.Failed, Timeout, "failure");

        Assert.Equal("payment.card_declined", (await host.StateAsync("declined1")).Rejection!.Code);
        Assert.Empty(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Rejection_SanctionedDestination_RejectedWithoutCapture()
    {
        await using var host = await StartHostAsync();
        var pump = new QueuePump(host);
        Assert.True(await host.Runtime.StartAsync(WorkflowHost.NewCheckout("sanctioned1", host.Clock.GetUtcNow(), destination: "IR", postalCode: "1193653471"), CancellationToken.None));
        await pump.UntilAsync(async () => (await host.StateAsync("sanctioned1")).Phase.IsTerminal(), Timeout, "a terminal phase");
        var state = await host.StateAsync("sanctioned1");
        Assert.Equal(CheckoutPhase.Rejected, state.Phase);

        // Customs and logistics (which screens sanctions) run in parallel; whichever refuses first names the reason.
        Assert.Contains(state.Rejection!.Code, new[] { "sanctions.embargoed_country", "customs.destination_not_supported" });
        Assert.Empty(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CancelAfterCapture_Refunds_ThenCanceled()
    {
        await using var host = await StartHostAsync();
        var pump = new QueuePump(host);
        await StartAndAwaitConfirmationAsync(host, pump, "refund1");
        var state = await host.StateAsync("refund1");
        await host.Runtime.ApplyAsync("refund1", new ConfirmRequested(state.Quote!.Id, host.Clock.GetUtcNow()), CancellationToken.None);
        await pump.UntilAsync(async () => (await host.StateAsync("refund1")).CaptureId is not null, Timeout, "capture");

        var cancel = await host.Runtime.ApplyAsync("refund1", new CancelRequested("buyer asked", host.Clock.GetUtcNow()), CancellationToken.None);
        var phaseAfterCancel = cancel.State!.Phase;
        await pump.UntilAsync(async () => (await host.StateAsync("refund1")).Phase.IsTerminal(), Timeout, "a terminal phase");

        var final = await host.StateAsync("refund1");
        if (phaseAfterCancel == CheckoutPhase.Refunding)
        {
            Assert.Equal(CheckoutPhase.Canceled, final.Phase);
            Assert.NotNull(final.RefundId);
        }
        else
        {
            // The payout hand-off won the race: a completed checkout refuses the cancel (410 at the API).
            Assert.Equal(DecisionOutcome.Refused, cancel.Decision!.Outcome);
            Assert.Equal(CheckoutPhase.Completed, final.Phase);
        }
    }

    [Fact]
    public async Task Restart_AzuriteStoppedMidRun_NothingLost()
    {
        await using var azuriteForRestart = await AzuriteProcess.StartAsync();
        var clock = new ManualClock(Start);
        await using var host = await WorkflowHost.StartAsync(azuriteForRestart.ConnectionString, Prefix(), clock);
        var pump = new QueuePump(host);
        var ids = Enumerable.Range(0, 5).Select(i => $"restart{i}").ToList();
        foreach (var id in ids)
        {
            await host.Runtime.StartAsync(WorkflowHost.NewCheckout(id, clock.GetUtcNow()), CancellationToken.None);
        }

        await azuriteForRestart.RestartAsync();

        await pump.UntilAsync(async () => (await Task.WhenAll(ids.Select(host.StateAsync))).All(s => s.Phase == CheckoutPhase.AwaitingConfirmation), Timeout, "every checkout awaits confirmation");
    }

    [Fact]
    public async Task Sweeper_OutboxLeftByCrash_IsResentAndWorkflowContinues()
    {
        await using var host = await StartHostAsync();
        var state = WorkflowHost.NewCheckout("crash1", host.Clock.GetUtcNow());

        // Simulate a crash between commit and send: write the start transition, never dispatch it.
        var started = CheckoutStateMachine.Decide(state, new CheckoutStarted(state.CreatedAt));
        var outbox = host.Get<Runtime.CommandRouter>().Route(started.State, started.Commands, host.Clock.GetUtcNow());
        var history = new[] { new Persistence.HistoryEntry(started.State.Sequence, "CheckoutStarted", state.CreatedAt, "quoting", null) };
        Assert.True(await host.Store.CreateAsync(new Persistence.CheckoutTransition(started.State, history, outbox), CancellationToken.None));

        Assert.Equal(0, await host.Get<Runtime.OutboxSweeper>().SweepOnceAsync(CancellationToken.None)); // not yet stale
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var resent = await host.Get<Runtime.OutboxSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(1, resent);
        var pump = new QueuePump(host);
        await pump.UntilAsync(async () => (await host.StateAsync("crash1")).Phase == CheckoutPhase.AwaitingConfirmation, Timeout, "the workflow resumes");
        Assert.Empty(await host.OutboxRowsAsync("crash1"));
    }

    [Fact]
    public async Task Sweeper_TimerRowLeftByCrash_IsResentOnceStaleThoughNotYetDue()
    {
        await using var host = await StartHostAsync();
        var state = WorkflowHost.NewCheckout("crash2", host.Clock.GetUtcNow());

        // A crash between commit and send of a transition that scheduled a 15-minute timer.
        var started = CheckoutStateMachine.Decide(state, new CheckoutStarted(state.CreatedAt));
        var timer = new ScheduleQuoteExpiry("q1", host.Clock.GetUtcNow().AddMinutes(15));
        var outbox = host.Get<Runtime.CommandRouter>().Route(started.State, [timer], host.Clock.GetUtcNow());
        var history = new[] { new Persistence.HistoryEntry(started.State.Sequence, "CheckoutStarted", state.CreatedAt, "quoting", null) };
        Assert.True(await host.Store.CreateAsync(new Persistence.CheckoutTransition(started.State, history, outbox), CancellationToken.None));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var resent = await host.Get<Runtime.OutboxSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(1, resent);
        Assert.Empty(await host.OutboxRowsAsync("crash2"));
        var timers = host.Get<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(host.Options.TimersQueue);
        Assert.Equal(1, await StorageClients.ApproximateCountAsync(timers));
    }

    private static string Prefix() => "w" + Guid.NewGuid().ToString("N")[..10];

    private async Task<WorkflowHost> StartHostAsync(Action<IServiceCollection>? replace = null) =>
        await WorkflowHost.StartAsync(azurite.ConnectionString, Prefix(), new ManualClock(Start), replace);

    private static async Task StartAndAwaitConfirmationAsync(WorkflowHost host, QueuePump pump, string id)
    {
        Assert.True(await host.Runtime.StartAsync(WorkflowHost.NewCheckout(id, host.Clock.GetUtcNow()), CancellationToken.None));
        await pump.UntilAsync(async () => (await host.StateAsync(id)).Phase == CheckoutPhase.AwaitingConfirmation, Timeout, $"{id} awaits confirmation");
    }

    private static async Task<CheckoutState> RunToCompletedAsync(WorkflowHost host, QueuePump pump, string id)
    {
        await StartAndAwaitConfirmationAsync(host, pump, id);
        var awaiting = await host.StateAsync(id);
        var confirm = await host.Runtime.ApplyAsync(id, new ConfirmRequested(awaiting.Quote!.Id, host.Clock.GetUtcNow()), CancellationToken.None);
        Assert.Equal(DecisionOutcome.Applied, confirm.Decision!.Outcome);
        await pump.UntilAsync(async () => (await host.StateAsync(id)).Phase == CheckoutPhase.Completed, Timeout, $"{id} completes");
        return await host.StateAsync(id);
    }

    private static async Task PumpBothUntilAsync(WorkflowHost first, WorkflowHost second, Func<Task<bool>> done)
    {
        var a = new QueuePump(first);
        var b = new QueuePump(second);
        var deadline = DateTime.UtcNow + Timeout;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "two workers did not finish in time");
            await Task.WhenAll(a.PumpOnceAsync(), b.PumpOnceAsync());
        }
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class BrokenPaymentGateway : IPaymentGateway
    {
        public Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) =>
            throw new PaymentServiceUnavailableException("payment service is down (test)");

        public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
            throw new PaymentServiceUnavailableException("payment service is down (test)");
    }
}
