using Azure.Storage.Queues;

namespace Checkout.Workflows.Webhooks;

/// <summary>Creates the webhook tables and queues (idempotent) with the rest of the workflow's storage.</summary>
public sealed class WebhookStorageInitializer(
    WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries, WebhookAttemptScheduler attempts, QueueServiceClient queues, CheckoutWorkflowOptions options)
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.WhenAll(
        endpoints.InitializeAsync(cancellationToken),
        deliveries.InitializeAsync(cancellationToken),
        attempts.InitializeAsync(cancellationToken),
        queues.GetQueueClient(options.WebhooksQueue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken));
}
