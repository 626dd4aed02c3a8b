using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Testing;
using Checkout.Workflows.Events;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Tests.Harness;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Providers;
using Microsoft.DurableTask;
using static Checkout.Workflows.Providers.SandboxPayoutAccounts;

namespace Checkout.Workflows.Tests.Payouts;

/// <summary>Every sandbox payout path end to end on Azurite, the ledger reconciled after each step.</summary>
public sealed class PayoutWorkflowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PaidAtOnce_CheckoutCompletesWithFundsInTransit_ThenPaidAndAnnounced()
    {
        await using var s = await PayoutScenario.StartAsync(azurite, PaidAtOnce);

        var handedOff = await s.CompleteCheckoutAsync("paid1");

        Assert.Equal((PayoutStatus.Pending, 1, "USD"), (handedOff.Status, handedOff.Attempt, handedOff.Amount.Currency.Value));
        Assert.True(handedOff.Amount.ToMinorUnits() > 0);
        Assert.Equal(handedOff.Amount.ToMinorUnits(), await s.InTransitAsync());
        await s.AssertReconciledAsync();

        var paid = await s.PumpUntilAsync("paid1", p => p.Status == PayoutStatus.Paid, "paid");

        Assert.Equal(0, await s.InTransitAsync());
        Assert.Equal(0, await s.AvailableAsync());
        await s.AssertReconciledAsync();
        var announced = Assert.Single(await s.EventsAsync(), e => e.Type == PayoutEvents.Paid);
        Assert.Equal("paid1-payout.payout.paid", announced.Id);
        Assert.Equal(paid.Amount.ToMinorUnits(), (long)announced.Data["amount"]!["value"]!);

        // The payouts queue's function sent it and the rail paid it at once: no orchestration was needed to follow it.
        Assert.Null(await s.Host.Client.GetInstanceAsync(paid.Id, getInputsAndOutputs: false));
    }

    [Fact]
    public async Task Send_PostsTheAttemptsCreation_UnlessTheRequestSaysItsSenderPostedIt()
    {
        await using var s = await PayoutScenario.StartAsync(azurite, PaidAtOnce);
        var payouts = s.Host.Get<PayoutStore>();
        var processor = s.Host.Get<PayoutProcessor>();
        var now = s.Host.Clock.GetUtcNow();
        var amount = new Money(10m, new CurrencyCode("USD"));

        // A retry whose start stopped between its row (attempt 2) and its posting; the request names attempt 1.
        await payouts.CreateAsync(new Payout(PayoutScenario.Merchant, "guard1-payout", "guard1", amount, 2, PayoutStatus.Pending, now, now), CancellationToken.None);
        await processor.SendAsync(PayoutScenario.Merchant, "guard1-payout", createdPostedFor: 1, CancellationToken.None);

        // A hand-off's request: it posted attempt 1's creation before asking, so the send posts nothing of the kind.
        await payouts.CreateAsync(new Payout(PayoutScenario.Merchant, "posted1-payout", "posted1", amount, 1, PayoutStatus.Pending, now, now), CancellationToken.None);
        await processor.SendAsync(PayoutScenario.Merchant, "posted1-payout", createdPostedFor: 1, CancellationToken.None);

        var ids = (await s.Host.Get<Ledger.LedgerStore>().ListTransactionsAsync(PayoutScenario.Merchant, 50, CancellationToken.None)).Select(t => t.Id).ToList();
        Assert.Contains("guard1-payout-a2-created", ids);
        Assert.Contains("posted1-payout-a1-paid", ids);
        Assert.DoesNotContain("posted1-payout-a1-created", ids);
    }

    [Fact]
    public async Task PaidLater_InTransitThenStatusPollTimer_Paid()
    {
        await using var s = await PayoutScenario.StartAsync(azurite, PaidLater);
        await s.CompleteCheckoutAsync("later1");

        var inTransit = await s.PumpUntilAsync("later1", p => p.Status != PayoutStatus.Pending, "sent");
        Assert.Equal(PayoutStatus.InTransit, inTransit.Status);
        Assert.StartsWith("po_", inTransit.RailPayoutId, StringComparison.Ordinal);
        await s.AssertReconciledAsync();

        await s.PumpUntilAsync("later1", p => p.Status == PayoutStatus.Paid, "the poll timer finds it paid");
        Assert.Equal(0, await s.InTransitAsync());
        await s.AssertReconciledAsync();
        Assert.NotNull(await s.Host.Client.GetInstanceAsync(inTransit.Id, getInputsAndOutputs: false));
    }

    [Fact]
    public async Task PaidLater_SignedRailWebhook_PaidWithoutWaitingForThePoll()
    {
        await using var s = await PayoutScenario.StartAsync(azurite, PaidLater);
        await s.CompleteCheckoutAsync("hook1");
        var inTransit = await s.PumpUntilAsync("hook1", p => p.Status != PayoutStatus.Pending, "sent");
        var settled = await s.Host.Get<SandboxPayoutRail>().SettleAsync(inTransit.IdempotencyKey, CancellationToken.None);
        var body = RailWebhookHandler.Body("evt_1", PayoutScenario.Merchant, inTransit.Id, inTransit.IdempotencyKey, settled);
        var handler = s.Host.Get<RailWebhookHandler>();
        var now = s.Host.Clock.GetUtcNow();

        Assert.Equal(RailWebhookOutcome.Unauthenticated, await handler.HandleAsync(body, ProviderWebhookSignature.Sign("wrong", now, body), s.Host.Client, CancellationToken.None));
        Assert.Equal(RailWebhookOutcome.Unauthenticated, await handler.HandleAsync(body, ProviderWebhookSignature.Sign(PayoutScenario.RailSecret, now.AddMinutes(-6), body), s.Host.Client, CancellationToken.None));
        Assert.Equal(RailWebhookOutcome.Unauthenticated, await handler.HandleAsync(body.Replace("paid", "failed", StringComparison.Ordinal), ProviderWebhookSignature.Sign(PayoutScenario.RailSecret, now, body), s.Host.Client, CancellationToken.None));
        Assert.Equal(PayoutStatus.InTransit, (await s.PayoutAsync("hook1")).Status);

        var signature = ProviderWebhookSignature.Sign(PayoutScenario.RailSecret, now, body);
        Assert.Equal(RailWebhookOutcome.Accepted, await handler.HandleAsync(body, signature, s.Host.Client, CancellationToken.None));
        Assert.Equal(RailWebhookOutcome.Accepted, await handler.HandleAsync(body, signature, s.Host.Client, CancellationToken.None));

        Assert.Equal(PayoutStatus.Paid, (await s.PayoutAsync("hook1")).Status);
        await s.AssertReconciledAsync();
    }

    [Theory]
    [InlineData(AccountClosed, PayoutStatus.Failed, PayoutFailureCodes.AccountClosed)]
    [InlineData(InvalidAccountNumber, PayoutStatus.Failed, PayoutFailureCodes.InvalidAccountNumber)]
    [InlineData(CouldNotProcessLater, PayoutStatus.Failed, PayoutFailureCodes.CouldNotProcess)]
    [InlineData(CanceledLater, PayoutStatus.Canceled, null)]
    [InlineData(null, PayoutStatus.Failed, PayoutFailureCodes.NoAccount)]
    public async Task Failure_ThenDestinationUpdated_RetriedAndPaid(string? account, PayoutStatus failedAs, string? code)
    {
        await using var s = await PayoutScenario.StartAsync(azurite, account);
        var created = await s.CompleteCheckoutAsync("fail1");

        var failed = await s.PumpUntilAsync("fail1", p => p.Status.IsFinal(), "the attempt ends");
        Assert.Equal((failedAs, code, 1), (failed.Status, failed.FailureCode, failed.Attempt));
        Assert.Equal(created.Amount.ToMinorUnits(), await s.AvailableAsync());
        Assert.Equal(0, await s.InTransitAsync());
        // The payout row turns final before its event is handed to webhook delivery: wait for the event.
        Assert.Single(await EventuallyAsync(s, e => e.Id == "fail1-payout-a1.payout.failed"), e => e.Id == "fail1-payout-a1.payout.failed");
        await s.AssertReconciledAsync();

        await s.SetDestinationAsync(PaidAtOnce);
        var retried = await s.RetryAllAsync();
        Assert.Equal((2, PayoutStatus.Pending), (Assert.Single(retried).Attempt, retried[0].Status));
        Assert.Equal(0, await s.AvailableAsync());
        await s.AssertReconciledAsync();

        var paid = await s.PumpUntilAsync("fail1", p => p.Status == PayoutStatus.Paid, "the retry is paid");
        Assert.Equal(2, paid.Attempt);
        Assert.Equal((0L, 0L), (await s.AvailableAsync(), await s.InTransitAsync()));
        Assert.Single(await EventuallyAsync(s, e => e.Type == PayoutEvents.Paid), e => e.Type == PayoutEvents.Paid);
        await s.AssertReconciledAsync();
    }

    [Fact]
    public async Task RetryMadeBeforeTheOrchestrationStartedFromTheFailedSend_IsSentAnyway()
    {
        await using var s = await PayoutScenario.StartAsync(azurite, AccountClosed);
        var created = await s.CompleteCheckoutAsync("early1");
        var request = new PayoutRequest(PayoutScenario.Merchant, created.Id, CreatedPostedFor: created.Attempt);

        // The payouts queue's function up to its start of the orchestration: the first send, which fails.
        var sent = await s.Host.Get<PayoutProcessor>().SendAsync(request.MerchantId, request.PayoutId, request.CreatedPostedFor, CancellationToken.None);
        Assert.Equal(PayoutStatus.Failed, sent!.Status);

        // A new destination retries the payout before that start, and its wake-up never reaches the orchestration (an
        // event raised into an instance the engine has not started yet is dropped).
        await s.SetDestinationAsync(PaidAtOnce);
        Assert.Equal(2, Assert.Single(await s.Host.Get<PayoutRetries>().RetryAllAsync(PayoutScenario.Merchant, CancellationToken.None)).Attempt);

        // Then the function starts the orchestration from its failed send.
        var input = s.Host.Get<PayoutOrchestrations>().InputFor(request, PayoutProgress.Of(sent));
        await s.Host.Client.ScheduleNewOrchestrationInstanceAsync(PayoutOrchestration.Name, CheckoutJson.Write(input), new StartOrchestrationOptions(created.Id));

        var paid = await Eventually.UntilAsync(() => s.PayoutAsync("early1"), p => p.Status == PayoutStatus.Paid, PayoutScenario.Timeout, "the retry is paid");
        Assert.Equal(2, paid.Attempt);
        await s.AssertReconciledAsync();
    }

    private static Task<IReadOnlyList<MerchantEvent>> EventuallyAsync(PayoutScenario s, Func<MerchantEvent, bool> published) =>
        Eventually.UntilAsync(s.EventsAsync, events => events.Any(published), WorkflowHost.Timeout, "the payout's event is published");

    [Fact]
    public async Task Retry_OnRequest_PaidOrRefusedWhenNothingToRetry()
    {
        await using var s = await PayoutScenario.StartAsync(azurite, InvalidAccountNumber);
        await s.CompleteCheckoutAsync("ask1");
        await s.PumpUntilAsync("ask1", p => p.Status == PayoutStatus.Failed, "failed");

        Assert.Equal(PayoutRetryOutcome.NotFound, (await s.RetryAsync("nope-payout")).Outcome);
        await s.SetDestinationAsync(PaidLater);
        Assert.Equal(PayoutRetryOutcome.Retried, (await s.RetryAsync("ask1-payout")).Outcome);
        var again = await s.RetryAsync("ask1-payout");
        Assert.True(again.Outcome is PayoutRetryOutcome.Resent or PayoutRetryOutcome.NotRetryable, $"a second retry while the first is under way: {again.Outcome}");
        await s.PumpUntilAsync("ask1", p => p.Status == PayoutStatus.InTransit, "in transit");
        Assert.Equal(PayoutRetryOutcome.NotRetryable, (await s.RetryAsync("ask1-payout")).Outcome);

        var paid = await s.PumpUntilAsync("ask1", p => p.Status == PayoutStatus.Paid, "paid");
        Assert.Equal(2, paid.Attempt);
        await s.AssertReconciledAsync();
    }

    [Fact]
    public async Task TransientRail_UnavailableTwice_StepRetriedThenPaidOnce()
    {
        await using var s = await PayoutScenario.StartAsync(azurite, UnavailableTwice);
        await s.CompleteCheckoutAsync("flaky1");

        var paid = await s.PumpUntilAsync("flaky1", p => p.Status == PayoutStatus.Paid, "paid after two outages");

        // The queue function's send met the first outage and left the retries to the orchestration.
        Assert.NotNull(await s.Host.Client.GetInstanceAsync(paid.Id, getInputsAndOutputs: false));
        Assert.Equal(1, paid.Attempt);
        Assert.Equal(0, await s.AvailableAsync());
        await s.AssertReconciledAsync();
    }

    [Fact]
    public async Task CouldNotProcess_RetriedAutomaticallyThenWaitsForTheMerchant_ThenPaidToTheNewAccount()
    {
        await using var s = await PayoutScenario.StartAsync(azurite, CouldNotProcessLater, automaticRetries: 2);
        await s.CompleteCheckoutAsync("auto1");

        var failed = await s.PumpUntilAsync("auto1", p => p is { Attempt: 3, Status: PayoutStatus.Failed }, "the first attempt and both automatic retries failed");
        Assert.Equal(PayoutFailureCodes.CouldNotProcess, failed.FailureCode);
        await s.AssertReconciledAsync();

        await s.SetDestinationAsync(PaidAtOnce);
        await s.RetryAllAsync();
        var paid = await s.PumpUntilAsync("auto1", p => p.Status == PayoutStatus.Paid, "the merchant's retry is paid");

        Assert.Equal(4, paid.Attempt);
        Assert.Equal((0L, 0L), (await s.AvailableAsync(), await s.InTransitAsync()));
        await s.AssertReconciledAsync();
    }

    [Theory]
    [InlineData(PaidLater)]
    [InlineData(PaidAtOnce)]
    public async Task Redelivery_EveryMessageTwiceForManyCheckouts_EachPaidOnceAndLedgerReconciled(string account)
    {
        await using var s = await PayoutScenario.StartAsync(azurite, account);
        var ids = Enumerable.Range(0, 4).Select(i => $"dup{i}").ToList();
        foreach (var id in ids)
        {
            await s.CompleteCheckoutAsync(id);
        }

        foreach (var id in ids)
        {
            await s.PumpUntilAsync(id, p => p.Status == PayoutStatus.Paid, $"{id} paid", deliveries: 2);
        }

        Assert.Equal((0L, 0L), (await s.AvailableAsync(), await s.InTransitAsync()));
        var paidEvents = (await s.EventsAsync()).Where(e => e.Type == PayoutEvents.Paid).Select(e => e.Id).Distinct();
        Assert.Equal(ids.Select(i => $"{i}-payout.payout.paid").Order(), paidEvents.Order());
        await s.AssertReconciledAsync();
    }
}
