using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Queues;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Events;
using Checkout.Workflows.Fx;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>The webhooks queue's fan-out on Azurite, to a real HTTP receiver: a message's first delivery writes its
/// deliveries' rows only after attempting, in one batch, each row holding its attempt; a redelivered message (or the
/// poison handler) attempts only what has no row and queues again a retry a crash may have lost; the same events
/// arriving in a second message keep their first record.</summary>
public sealed class WebhookFanOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Merchant = "mer_fan";

    [Fact]
    public async Task FirstDelivery_TwoEventsToOneEndpoint_AttemptsBothAndWritesBothRowsWithTheirAttemptInOneBatch()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 500);
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url);
        var events = NewEvents(2);

        fan.Counters.Reset();
        await fan.FanOut.HandleAsync(Message(events), 1, CancellationToken.None);

        var counts = fan.Counters.Snapshot();
        Assert.Equal(1, counts.GetValueOrDefault("Table.Batch"));
        Assert.Equal(0, counts.GetValueOrDefault("Table.AddEntity") + counts.GetValueOrDefault("Table.UpdateEntity") + counts.GetValueOrDefault("Table.GetEntity"));
        Assert.Equal(2, counts.GetValueOrDefault("Queue.SendMessage"));
        Assert.Equal(2, receiver.Received.Count);
        foreach (var e in events)
        {
            var delivery = await fan.DeliveryAsync(e);
            Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
            Assert.Equal(1, delivery.AttemptCount);
            Assert.Equal(1, delivery.AttemptsMade);
            var attempt = Assert.Single(delivery.Attempts);
            Assert.Equal(500, attempt.StatusCode);
            Assert.NotNull(attempt.NextAttemptAt);
            Assert.Equal("HTTP 500", delivery.LastError);
            Assert.Single(receiver.Received, r => r.Id == delivery.WebhookId);
        }

        Assert.Equal(2, await fan.QueuedAttemptsAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redelivered_RowsWritten_AttemptsNothingAgain(bool poison)
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 204);
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url);
        var events = NewEvents(2);
        await fan.FanOut.HandleAsync(Message(events), 1, CancellationToken.None);

        await fan.RedeliverAsync(Message(events), poison);

        Assert.Equal(2, receiver.Received.Count);
        foreach (var e in events)
        {
            var delivery = await fan.DeliveryAsync(e);
            Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
            Assert.Equal(1, delivery.AttemptsMade);
        }

        Assert.Equal(0, await fan.QueuedAttemptsAsync());
    }

    [Fact]
    public async Task Redelivered_AfterTheAttemptsButBeforeTheirRows_AttemptsAgainWithTheSameWebhookIdAndWritesTheRows()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 204);
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url, createDeliveriesTable: false);
        var events = NewEvents(2);

        // The rows' write fails (no table yet), as a crash between the attempts and their rows would leave things.
        await Assert.ThrowsAnyAsync<RequestFailedException>(() => fan.FanOut.HandleAsync(Message(events), 1, CancellationToken.None));
        Assert.Equal(2, receiver.Received.Count);
        await fan.Deliveries.InitializeAsync(CancellationToken.None);
        await fan.FanOut.HandleAsync(Message(events), 2, CancellationToken.None);

        Assert.Equal(4, receiver.Received.Count);
        foreach (var e in events)
        {
            var delivery = await fan.DeliveryAsync(e);
            Assert.Equal(2, receiver.Received.Count(r => r.Id == delivery.WebhookId));
            Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
            Assert.Equal(1, Assert.Single(delivery.Attempts).Attempt);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redelivered_FailedFirstAttemptWhoseRetryWasNeverQueued_GetsItsRetryQueued(bool poison)
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 503);
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url);
        var events = NewEvents(1);
        await fan.FanOut.HandleAsync(Message(events), 1, CancellationToken.None);

        // As if the worker had crashed after writing the row and before queueing the retry.
        await fan.AttemptsQueue.ClearMessagesAsync();
        await fan.RedeliverAsync(Message(events), poison);

        Assert.Single(receiver.Received);
        Assert.Equal(1, await fan.QueuedAttemptsAsync());
        var delivery = await fan.DeliveryAsync(events[0]);
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(1, delivery.AttemptsMade);
    }

    [Fact]
    public async Task Redelivered_RowWithoutAttempt_GetsItsFirstAttemptOnThatRow()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 204);
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url);
        var events = NewEvents(1);
        var id = WebhookIds.DeliveryId(events[0].Timestamp, events[0].Id, FanOutRig.EndpointId);

        // What a fan-out from before first attempts were written with their rows left when it crashed before attempting.
        await fan.Deliveries.AddAsync(new WebhookDelivery(
            id, Merchant, FanOutRig.EndpointId, events[0].Id, events[0].Type, WebhookIds.WebhookId(events[0].Id),
            """{"type":"payout.paid"}"""u8.ToArray(), DateTimeOffset.UtcNow, WebhookDeliveryStatus.Pending, 0, []), CancellationToken.None);
        await fan.FanOut.HandleAsync(Message(events), 2, CancellationToken.None);

        var delivery = await fan.DeliveryAsync(events[0]);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal(1, delivery.AttemptCount);
        Assert.Equal(delivery.WebhookId, Assert.Single(receiver.Received).Id);
    }

    [Fact]
    public async Task SameEventInASecondMessage_KeepsTheFirstRecordAndAddsTheNewEventsRow()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n == 1 ? 204 : 500);
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url);
        var events = NewEvents(2);
        await fan.FanOut.HandleAsync(Message([events[0]]), 1, CancellationToken.None);

        await fan.FanOut.HandleAsync(Message(events), 1, CancellationToken.None);

        var first = await fan.DeliveryAsync(events[0]);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, first.Status);
        Assert.Equal(1, first.AttemptCount);
        Assert.Equal(2, first.AttemptsMade);
        Assert.Equal([(204, false), (500, true)], first.Attempts.Select(a => (a.StatusCode ?? 0, a.Duplicate)));
        Assert.Null(first.LastError);
        Assert.Equal(2, receiver.Received.Count(r => r.Id == first.WebhookId));
        var second = await fan.DeliveryAsync(events[1]);
        Assert.Equal(WebhookDeliveryStatus.Pending, second.Status);
        Assert.Equal(1, second.AttemptCount);
        Assert.Equal(1, await fan.QueuedAttemptsAsync());
    }

    [Fact]
    public async Task Publisher_DeliversTheFirstAttemptsItself_NothingOnTheWebhooksQueue()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 204);
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url);
        var events = NewEvents(2);

        fan.Counters.Reset();
        await fan.Publisher(TimeSpan.FromSeconds(5)).PublishAsync(events, CancellationToken.None);

        Assert.Equal(2, receiver.Received.Count);
        Assert.All(await Task.WhenAll(events.Select(fan.DeliveryAsync)), d => Assert.Equal((WebhookDeliveryStatus.Succeeded, 1), (d.Status, d.AttemptCount)));
        Assert.Equal(0, await fan.QueuedEventsAsync());
        Assert.Equal(0, fan.Counters.Snapshot().GetValueOrDefault("Queue.SendMessage"));
    }

    [Fact]
    public async Task Publisher_EndpointSlowerThanItsBudget_HandsTheEventsToTheQueueMarkedAttempted_WhoseFanOutKeepsWhatWasRecorded()
    {
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await WebhookReceiver.StartAsync(async _ =>
        {
            await slow.Task;
            return 204;
        });
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url);
        var events = NewEvents(1);

        await fan.Publisher(TimeSpan.FromMilliseconds(300)).PublishAsync(events, CancellationToken.None);

        var queued = Assert.Single(await fan.PeekEventsAsync());
        Assert.True(queued.Attempted);
        Assert.Equal(events.Select(e => e.Id), queued.Events.Select(e => e.Id));
        slow.SetResult();

        // The queue's fan-out of it, on its first delivery, reads first: no row, so it attempts (again, same webhook-id).
        await fan.FanOut.HandleAsync(queued.ToJson(), 1, CancellationToken.None);
        var delivery = await fan.DeliveryAsync(events[0]);
        Assert.Equal((WebhookDeliveryStatus.Succeeded, 1), (delivery.Status, delivery.AttemptCount));
        Assert.All(receiver.Received, r => Assert.Equal(delivery.WebhookId, r.Id));
    }

    [Fact]
    public async Task Publisher_WithoutABudget_SendsThroughTheQueue()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 204);
        using var fan = await FanOutRig.StartAsync(azurite, receiver.Url);

        await fan.Publisher(TimeSpan.Zero).PublishAsync(NewEvents(1), CancellationToken.None);

        Assert.False(Assert.Single(await fan.PeekEventsAsync()).Attempted);
        Assert.Empty(receiver.Received);
    }

    private static List<MerchantEvent> NewEvents(int count)
    {
        var payoutId = "po_" + Guid.NewGuid().ToString("N")[..12];
        return [.. Enumerable.Range(0, count).Select(i => new MerchantEvent(
            $"{payoutId}-{i}.payout.paid", Merchant, "payout.paid", DateTimeOffset.UtcNow.AddSeconds(i), new JsonObject { ["payoutId"] = payoutId }))];
    }

    private static string Message(IReadOnlyList<MerchantEvent> events) => new MerchantEventBatch(events).ToJson();

    /// <summary>The fan-out and its stores on the app's own storage clients (so their requests are counted), under a
    /// fresh resource prefix, with one endpoint of <see cref="Merchant"/> for every event type.</summary>
    private sealed class FanOutRig : IDisposable
    {
        public const string EndpointId = "we_fan";

        private readonly StorageClients _clients;
        private readonly WebhookSender _sender;

        private readonly CheckoutWorkflowOptions _options;

        private FanOutRig(StorageClients clients, CheckoutWorkflowOptions options, WebhookSender sender, WebhookFanOut fanOut, WebhookDeliveryStore deliveries, QueueClient attemptsQueue)
        {
            _clients = clients;
            _options = options;
            _sender = sender;
            FanOut = fanOut;
            Deliveries = deliveries;
            AttemptsQueue = attemptsQueue;
        }

        public WebhookFanOut FanOut { get; }

        public WebhookDeliveryStore Deliveries { get; }

        public QueueClient AttemptsQueue { get; }

        public Checkout.Workflows.Storage.StorageOperationCounters Counters => _clients.Counters;

        public static async Task<FanOutRig> StartAsync(AzuriteFixture azurite, Uri url, bool createDeliveriesTable = true)
        {
            var clients = new StorageClients(azurite.ConnectionString);
            var options = new CheckoutWorkflowOptions { ResourcePrefix = "f" + Guid.NewGuid().ToString("N")[..8] };
            var webhookOptions = new WebhookOptions { RetrySchedule = "00:01:00" };
            webhookOptions.Validate();
            var protector = TestSecrets.Protector();
            var endpoints = new WebhookEndpointStore(clients.Tables, options, protector);
            var deliveries = new WebhookDeliveryStore(clients.Tables, options);
            var scheduler = new WebhookAttemptScheduler(clients.Queues, options, TimeProvider.System, []);
            await Task.WhenAll(endpoints.InitializeAsync(CancellationToken.None), scheduler.InitializeAsync(CancellationToken.None));
            if (createDeliveriesTable)
            {
                await deliveries.InitializeAsync(CancellationToken.None);
            }

            await endpoints.CreateAsync(new WebhookEndpointRegistration(EndpointId, Merchant, url, [], DateTimeOffset.UtcNow), WebhookSignature.NewSecret(), CancellationToken.None);
            var sender = new WebhookSender(new WebhookUrlPolicy(allowLocalNetworks: true), webhookOptions, TimeProvider.System, protector);
            var handler = new WebhookDeliveryHandler(
                deliveries, endpoints, sender, scheduler, webhookOptions, options, TimeProvider.System, NullLogger<WebhookDeliveryHandler>.Instance);
            var mode = new ProviderMode(Options.Create(new ProviderOptions { PaymentProvider = ProviderOptions.Sandbox, PayoutRail = ProviderOptions.Sandbox }), new FxOptions());
            var fanOut = new WebhookFanOut(endpoints, deliveries, handler, clients.Queues, options, TimeProvider.System, mode, NullLogger<WebhookFanOut>.Instance);
            await clients.Queues.GetQueueClient(options.WebhooksQueue).CreateIfNotExistsAsync();
            return new FanOutRig(clients, options, sender, fanOut, deliveries, clients.Queues.GetQueueClient(options.WebhookDeliveriesQueue));
        }

        /// <summary>The app's publisher over this fan-out, with its inline budget.</summary>
        public WebhookPublisher Publisher(TimeSpan budget) => new(
            FanOut,
            new QueueMerchantEventPublisher(_clients.Queues, _options, []),
            new WebhookOptions { InlineDeliveryBudget = budget },
            NullLogger<WebhookPublisher>.Instance);

        /// <summary>Messages on the webhooks queue (peeked), each a batch of events.</summary>
        public async Task<IReadOnlyList<MerchantEventBatch>> PeekEventsAsync() =>
            [.. (await _clients.Queues.GetQueueClient(_options.WebhooksQueue).PeekMessagesAsync(32)).Value.Select(m => MerchantEventBatch.Read(m.Body.ToString()))];

        public Task<int> QueuedEventsAsync() => StorageClients.ApproximateCountAsync(_clients.Queues.GetQueueClient(_options.WebhooksQueue));

        public Task RedeliverAsync(string message, bool poison) => poison
            ? FanOut.HandlePoisonAsync(message, CancellationToken.None)
            : FanOut.HandleAsync(message, 2, CancellationToken.None);

        public async Task<WebhookDelivery> DeliveryAsync(MerchantEvent e) =>
            (await Deliveries.GetAsync(Merchant, WebhookIds.DeliveryId(e.Timestamp, e.Id, EndpointId), CancellationToken.None))?.Delivery
            ?? throw new InvalidOperationException($"No delivery of {e.Id}.");

        /// <summary>Messages on the deliveries queue, visible or not: each a scheduled retry.</summary>
        public Task<int> QueuedAttemptsAsync() => StorageClients.ApproximateCountAsync(AttemptsQueue);

        public void Dispose()
        {
            _sender.Dispose();
            _clients.Dispose();
        }
    }
}
