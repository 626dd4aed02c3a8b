using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Events;
using Checkout.Workflows.Runtime;
using Checkout.Workflows.Tests.Harness;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Tests.Webhooks;

/// <summary>Checkout events travel in the transition's outbox: committed with the state change, one webhooks-queue
/// message per transition, and resent by the sweeper when the worker dies between commit and send.</summary>
public sealed class CheckoutWebhookOutboxTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ConfirmedCheckout_PublishesAwaitingConfirmationCapturedAndCompleted_OneMessagePerTransition()
    {
        await using var host = await WorkflowHost.StartAsync(azurite.ConnectionString, Prefix(), new ManualClock(Start));
        var pump = new QueuePump(host);
        await host.Runtime.StartAsync(WorkflowHost.NewCheckout("wh1", Start), CancellationToken.None);
        await pump.UntilAsync(async () => (await host.StateAsync("wh1")).Phase == CheckoutPhase.AwaitingConfirmation, TimeSpan.FromSeconds(60), "awaiting confirmation");
        var quoteId = (await host.StateAsync("wh1")).Quote!.Id;
        await host.Runtime.ApplyAsync("wh1", new ConfirmRequested(quoteId, host.Clock.GetUtcNow()), CancellationToken.None);
        await pump.UntilAsync(async () => (await host.StateAsync("wh1")).Phase == CheckoutPhase.Completed, TimeSpan.FromSeconds(60), "completed");

        var batches = await ReceiveBatchesAsync(host);

        Assert.Equal(3, batches.Count);
        var events = batches.SelectMany(b => b).ToList();
        Assert.Equal(["checkout.awaiting_confirmation", "payment.captured", "checkout.completed"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(SampleCheckouts.MerchantId, e.MerchantId));
        Assert.All(events, e => Assert.Equal("wh1", e.Data["checkoutId"]!.GetValue<string>()));
        Assert.Equal("wh1.checkout.completed", events[^1].Id);
        Assert.Equal(quoteId, events[0].Data["quoteId"]!.GetValue<string>());
        Assert.Equal(events[1].Data["amount"]!.ToJsonString(), events[0].Data["amountDue"]!.ToJsonString());
    }

    [Fact]
    public async Task DeclinedPayment_PublishesCheckoutFailedWithTheDecline()
    {
        await using var host = await WorkflowHost.StartAsync(azurite.ConnectionString, Prefix(), new ManualClock(Start));
        var pump = new QueuePump(host);
        await host.Runtime.StartAsync(WorkflowHost.NewCheckout("wh3", Start, Providers.SandboxPaymentGateway.DeclinedToken), CancellationToken.None);
        await pump.UntilAsync(async () => (await host.StateAsync("wh3")).Phase == CheckoutPhase.AwaitingConfirmation, TimeSpan.FromSeconds(60), "awaiting confirmation");
        await host.Runtime.ApplyAsync("wh3", new ConfirmRequested((await host.StateAsync("wh3")).Quote!.Id, host.Clock.GetUtcNow()), CancellationToken.None);
        await pump.UntilAsync(async () => (await host.StateAsync("wh3")).Phase == CheckoutPhase.Failed, TimeSpan.FromSeconds(60), "failed");

        var events = (await ReceiveBatchesAsync(host)).SelectMany(b => b).ToList();

        Assert.Equal(["checkout.awaiting_confirmation", "checkout.failed"], events.Select(e => e.Type));
        var failed = events[^1];
        Assert.Equal("wh3.checkout.failed", failed.Id);
        Assert.Equal("failed", failed.Data["status"]!.GetValue<string>());
        Assert.Equal((await host.StateAsync("wh3")).Rejection!.Code, failed.Data["reason"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task WorkerDiesAfterCommit_SweeperStillSendsTheEvents()
    {
        await using var host = await WorkflowHost.StartAsync(azurite.ConnectionString, Prefix(), new ManualClock(Start));
        var pump = new QueuePump(host);
        await host.Runtime.StartAsync(WorkflowHost.NewCheckout("wh2", Start), CancellationToken.None);
        await pump.UntilAsync(async () => (await host.StateAsync("wh2")).Phase == CheckoutPhase.AwaitingConfirmation, TimeSpan.FromSeconds(60), "awaiting confirmation");
        await ReceiveBatchesAsync(host);
        var webhooks = WebhooksQueue(host);

        // The send after the commit fails as if the worker had died there: the queue is gone.
        await webhooks.DeleteIfExistsAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => host.Runtime.ApplyAsync("wh2", new CancelRequested("changed mind", host.Clock.GetUtcNow()), CancellationToken.None));
        Assert.Equal(CheckoutPhase.Canceled, (await host.StateAsync("wh2")).Phase);
        await webhooks.CreateIfNotExistsAsync();
        Assert.Empty(await ReceiveBatchesAsync(host));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var resent = await host.Get<OutboxSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(1, resent);
        var canceled = Assert.Single(Assert.Single(await ReceiveBatchesAsync(host)));
        Assert.Equal("checkout.canceled", canceled.Type);
        Assert.Equal("changed mind", canceled.Data["cancelReason"]!.GetValue<string>());
        Assert.Empty(await host.OutboxRowsAsync("wh2"));
    }

    private static QueueClient WebhooksQueue(WorkflowHost host) => host.Get<QueueServiceClient>().GetQueueClient(host.Options.WebhooksQueue);

    private static async Task<List<IReadOnlyList<MerchantEvent>>> ReceiveBatchesAsync(WorkflowHost host)
    {
        var queue = WebhooksQueue(host);
        var batches = new List<IReadOnlyList<MerchantEvent>>();
        IReadOnlyList<QueueMessage> messages;
        while ((messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value).Count > 0)
        {
            batches.AddRange(messages.OrderBy(m => m.InsertedOn).Select(m => MerchantEventBatch.Parse(m.Body.ToString())));
        }

        return batches;
    }

    private static string Prefix() => "wh" + Guid.NewGuid().ToString("N")[..10];
}
