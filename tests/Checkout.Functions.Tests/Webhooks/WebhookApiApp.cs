using Azure.Storage.Queues;
using Checkout.Functions.Api;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Events;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>The real app with a webhook retry schedule shrunk to seconds (1 s, 2 s, 1 s: four attempts), plus what
/// tests need around it: fresh merchants, the webhooks queue to publish on, the deliveries queue to inspect.</summary>
public sealed class WebhookApiApp() : ApiApp(new Dictionary<string, string>
{
    ["Webhooks__RetrySchedule"] = string.Join(',', Schedule.Select(d => d.ToString("c", System.Globalization.CultureInfo.InvariantCulture))),
    ["Webhooks__AttemptTimeout"] = "00:00:05",
})
{
    public static readonly TimeSpan[] Schedule = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)];

    public CheckoutWorkflowOptions Options => new() { ResourcePrefix = Prefix };

    public async Task<string> NewMerchantKeyAsync(string merchantId) =>
        await new MerchantKeyStore(Tables, new ApiTables(Options)).CreateKeyAsync(merchantId, CancellationToken.None);

    public async Task PublishAsync(MerchantEvent merchantEvent) =>
        await new QueueMerchantEventPublisher(await QueuesAsync(), Options, []).PublishAsync([merchantEvent], CancellationToken.None);

    /// <summary>Messages on the deliveries queue, visible or not: zero means no attempt is queued or scheduled.</summary>
    public async Task<int> QueuedAttemptsAsync() =>
        await StorageClients.ApproximateCountAsync((await QueuesAsync()).GetQueueClient(Options.WebhookDeliveriesQueue));

    /// <summary>Events on the webhooks queue not yet fanned out, visible or not.</summary>
    public async Task<int> QueuedEventsAsync() =>
        await StorageClients.ApproximateCountAsync((await QueuesAsync()).GetQueueClient(Options.WebhooksQueue));

    private static async Task<QueueServiceClient> QueuesAsync()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        return new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }
}
