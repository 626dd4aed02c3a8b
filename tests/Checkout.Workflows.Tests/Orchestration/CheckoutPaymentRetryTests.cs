using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Tests.Harness;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Tests.Orchestration;

/// <summary>
/// After a decline the orchestration waits for a new payment method, a cancel or the quote's expiry: a retry with a
/// good token completes with one capture and one payout (even with every activity run twice), a retry overtaken by
/// another changes nothing, and a checkout nobody pays fails at the quote's expiry with the decline.
/// </summary>
public sealed class CheckoutPaymentRetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Retry_GoodTokenAfterADecline_CompletesWithOneCaptureUnderTheAttempt2KeyAndOnePayout()
    {
        await using var host = await StartAsync(activityRuns: 2);
        await host.ConfirmedAsync("retry1", SandboxPaymentGateway.DeclinedToken);
        await host.UntilPhaseAsync("retry1", CheckoutPhase.RequiresPaymentMethod);

        await host.RetryPaymentAsync("retry1", SandboxPaymentGateway.SuccessToken, attempt: 2);
        var ended = await host.UntilEndedAsync("retry1");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Equal([PaymentAttemptStatus.Declined, PaymentAttemptStatus.Captured], ended.State.PaymentAttempts.Select(a => a.Status));
        Assert.Equal("retry1-capture-a2", CheckoutStateMachine.CaptureKey(ended.State));
        var capture = Assert.Single(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        Assert.Equal(("retry1", ended.State.CaptureId!), capture);
        Assert.Single(await host.Get<PayoutHandOff>().ListAsync(CancellationToken.None));
        Assert.Equal(
            ["PaymentDeclined", "PaymentRetryRequested", "PaymentCaptured", "PayoutHandedOff"],
            ended.Timeline.Select(h => h.EventType).SkipWhile(t => t != "PaymentDeclined"));
        var types = (await host.MerchantEventsAsync()).Select(e => e.Type).Distinct();
        Assert.Equal(
            [WebhookEventTypes.CheckoutAwaitingConfirmation, WebhookEventTypes.CheckoutRequiresPaymentMethod, WebhookEventTypes.PaymentCaptured, WebhookEventTypes.CheckoutCompleted],
            types);
    }

    [Fact]
    public async Task Retry_TwoForTheSameAttempt_TheSecondIsIgnoredAndTheNextAttemptStillCounts()
    {
        await using var host = await StartAsync();
        await host.ConfirmedAsync("stale1", SandboxPaymentGateway.DeclinedToken);
        await host.UntilPhaseAsync("stale1", CheckoutPhase.RequiresPaymentMethod);

        // Both judged against the same recorded state: the first is attempt 2 (declined again); the second, delivered
        // while attempt 2 was being made, must not become attempt 3.
        await host.RetryPaymentAsync("stale1", SandboxPaymentGateway.DeclinedToken, attempt: 2);
        await host.RetryPaymentAsync("stale1", SandboxPaymentGateway.SuccessToken, attempt: 2);
        await host.UntilPhaseAsync("stale1", CheckoutPhase.RequiresPaymentMethod, c => c.State.PaymentAttempts.Count == 2);
        await host.RetryPaymentAsync("stale1", SandboxPaymentGateway.SuccessToken, attempt: 3);
        var ended = await host.UntilEndedAsync("stale1");

        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        Assert.Equal(
            [PaymentAttemptStatus.Declined, PaymentAttemptStatus.Declined, PaymentAttemptStatus.Captured],
            ended.State.PaymentAttempts.Select(a => a.Status));
        Assert.Equal(2, ended.Timeline.Count(h => h.EventType == "PaymentRetryRequested"));
        Assert.Single(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        var requiresPaymentMethod = (await host.MerchantEventsAsync()).Where(e => e.Type == WebhookEventTypes.CheckoutRequiresPaymentMethod).ToList();
        Assert.Equal(["stale1.checkout.requires_payment_method.a1", "stale1.checkout.requires_payment_method.a2"], requiresPaymentMethod.Select(e => e.Id));
    }

    [Fact]
    public async Task Unpaid_QuoteExpiresWhileRequiringAPaymentMethod_FailsWithTheDecline()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Fx:Quotes:LockDuration"] = "00:00:06" });
        await host.ConfirmedAsync("unpaid1", SandboxPaymentGateway.DeclinedToken);

        var ended = await host.UntilEndedAsync("unpaid1");

        Assert.Equal(CheckoutPhase.Failed, ended.State.Phase);
        Assert.Equal("payment.card_declined", ended.State.Rejection!.Code);
        Assert.Equal(["PaymentDeclined", "QuoteExpiryDue"], ended.Timeline.Select(h => h.EventType).TakeLast(2));
        Assert.Equal(1, ended.State.QuoteCount);
        Assert.Empty(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        Assert.Equal(
            [WebhookEventTypes.CheckoutAwaitingConfirmation, WebhookEventTypes.CheckoutRequiresPaymentMethod, WebhookEventTypes.CheckoutFailed],
            (await host.MerchantEventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task Cancel_WhileRequiringAPaymentMethod_CanceledWithNothingCaptured()
    {
        await using var host = await StartAsync();
        await host.ConfirmedAsync("giveup1", SandboxPaymentGateway.DeclinedToken);
        await host.UntilPhaseAsync("giveup1", CheckoutPhase.RequiresPaymentMethod);

        await host.CancelAsync("giveup1", "buyer gave up");
        var ended = await host.UntilEndedAsync("giveup1");

        Assert.Equal(CheckoutPhase.Canceled, ended.State.Phase);
        Assert.Null(ended.State.RefundId);
        Assert.Empty(await host.Get<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None));
        Assert.Contains(WebhookEventTypes.CheckoutCanceled, (await host.MerchantEventsAsync()).Select(e => e.Type));
    }

    private Task<WorkflowHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, int activityRuns = 1) =>
        WorkflowHost.StartAsync(azurite.ConnectionString, "w" + Guid.NewGuid().ToString("N")[..10], settings: settings, activityRuns: activityRuns);
}
