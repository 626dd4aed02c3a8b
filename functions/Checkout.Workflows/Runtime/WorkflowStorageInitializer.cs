using Azure.Storage.Queues;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Runtime;

/// <summary>Creates the tables and queues the workflow uses (idempotent), before any listener starts.</summary>
public sealed class WorkflowStorageInitializer(
    CheckoutStore store,
    SandboxPaymentGateway payments,
    PayoutStorageInitializer payouts,
    MerchantProfileStore merchants,
    WebhookStorageInitializer webhooks,
    QueueServiceClient queues,
    CheckoutWorkflowOptions options)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            store.InitializeAsync(cancellationToken),
            payments.InitializeAsync(cancellationToken),
            payouts.InitializeAsync(cancellationToken),
            merchants.InitializeAsync(cancellationToken),
            webhooks.InitializeAsync(cancellationToken),
            queues.GetQueueClient(options.WebhooksQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            queues.GetQueueClient(options.WorkQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            queues.GetQueueClient(options.TimersQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            queues.GetQueueClient(options.WorkQueue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            queues.GetQueueClient(options.TimersQueue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }
}
