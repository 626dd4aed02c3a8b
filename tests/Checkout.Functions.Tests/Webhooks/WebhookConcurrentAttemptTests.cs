using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>Two workers making the same attempt at once (a queue message redelivered while its first worker is still
/// sending), on Azurite with a real receiver that holds both requests open until both have arrived: the delivery log
/// keeps both HTTP attempts, and only one schedules the next attempt.</summary>
public sealed class WebhookConcurrentAttemptTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(500, WebhookDeliveryStatus.Pending, 1)]
    [InlineData(204, WebhookDeliveryStatus.Succeeded, 0)]
    public async Task SameAttemptHandledTwiceAtOnce_BothAttemptsAreRecorded(int answer, string status, int nextAttemptsQueued)
    {
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await WebhookReceiver.StartAsync(async n =>
        {
            if (n == 2)
            {
                bothArrived.SetResult();
            }

            await bothArrived.Task.WaitAsync(Patience);
            return answer;
        });
        using var sender = new WebhookSender(new WebhookUrlPolicy(allowLocalNetworks: true), WebhookOptions, TimeProvider.System, TestSecrets.Protector());
        var (handler, deliveries, queue) = await NewHandlerAsync(receiver.Url, sender);
        var message = new WebhookAttemptMessage("mer_race", "wd_race", 1).ToJson();

        await Task.WhenAll(
            Task.Run(() => handler.HandleAsync(message, 1, CancellationToken.None)),
            Task.Run(() => handler.HandleAsync(message, 2, CancellationToken.None)));

        var (delivery, _) = (await deliveries.GetAsync("mer_race", "wd_race", CancellationToken.None))!.Value;
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(2, delivery.AttemptsMade);
        Assert.Equal(1, delivery.AttemptCount);
        Assert.Equal([1, 1], delivery.Attempts.Select(a => a.Attempt));
        Assert.All(delivery.Attempts, a => Assert.Equal(answer, a.StatusCode));
        Assert.Equal([false, true], delivery.Attempts.Select(a => a.Duplicate));
        Assert.Null(delivery.Attempts[1].NextAttemptAt);
        var listed = System.Text.Json.JsonSerializer.SerializeToElement(Checkout.Functions.Api.WebhookViews.Delivery(delivery), Checkout.Functions.Api.ApiJson.Options);
        var times = listed.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(status, delivery.Status);
        Assert.Equal(nextAttemptsQueued, await StorageClients.ApproximateCountAsync(queue));
    }

    private static WebhookOptions WebhookOptions
    {
        get
        {
            var options = new WebhookOptions { RetrySchedule = "00:01:00", AttemptTimeout = TimeSpan.FromSeconds(45) };
            options.Validate();
            return options;
        }
    }

    private async Task<(WebhookDeliveryHandler Handler, WebhookDeliveryStore Deliveries, QueueClient Queue)> NewHandlerAsync(Uri url, WebhookSender sender)
    {
        var options = new CheckoutWorkflowOptions { ResourcePrefix = "r" + Guid.NewGuid().ToString("N")[..8] };
        var tables = new TableServiceClient(azurite.ConnectionString);
        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var protector = TestSecrets.Protector();
        var endpoints = new WebhookEndpointStore(tables, options, protector);
        var deliveries = new WebhookDeliveryStore(tables, options);
        var scheduler = new WebhookAttemptScheduler(queues, options, TimeProvider.System, []);
        await Task.WhenAll(endpoints.InitializeAsync(CancellationToken.None), deliveries.InitializeAsync(CancellationToken.None), scheduler.InitializeAsync(CancellationToken.None));
        await endpoints.CreateAsync(new WebhookEndpointRegistration("we_race", "mer_race", url, [], DateTimeOffset.UtcNow), WebhookSignature.NewSecret(), CancellationToken.None);
        await deliveries.AddAsync(new WebhookDelivery(
            "wd_race", "mer_race", "we_race", "evt_race", "payout.paid", "msg_race", """{"type":"payout.paid"}"""u8.ToArray(),
            DateTimeOffset.UtcNow, WebhookDeliveryStatus.Pending, 0, []), CancellationToken.None);
        var handler = new WebhookDeliveryHandler(
            deliveries, endpoints, sender, scheduler, WebhookOptions, options, TimeProvider.System, NullLogger<WebhookDeliveryHandler>.Instance);
        return (handler, deliveries, queues.GetQueueClient(options.WebhookDeliveriesQueue));
    }
}
