using Azure.Storage.Queues;
using Checkout.Workflows.Buyers;
using Checkout.Workflows.Fx;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Refunds;
using Checkout.Workflows.Wallets;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows;

/// <summary>Creates the tables and queues of ours (idempotent), before any listener starts. The task hub's own tables,
/// queues and lease blobs are the Durable Task provider's to create.</summary>
public sealed class WorkflowStorageInitializer(
    CheckoutStore store,
    BuyerIdentityStore identities,
    CbecAnnualTotals cbecAnnualTotals,
    SandboxPaymentGateway payments,
    RefundStore refunds,
    PayoutStorageInitializer payouts,
    MerchantProfileStore merchants,
    WebhookStorageInitializer webhooks,
    FxRateStore fxRates,
    WalletNotificationHandler walletNotifications,
    QueueServiceClient queues,
    CheckoutWorkflowOptions options)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            store.InitializeAsync(cancellationToken),
            identities.InitializeAsync(cancellationToken),
            cbecAnnualTotals.InitializeAsync(cancellationToken),
            payments.InitializeAsync(cancellationToken),
            refunds.InitializeAsync(cancellationToken),
            payouts.InitializeAsync(cancellationToken),
            merchants.InitializeAsync(cancellationToken),
            webhooks.InitializeAsync(cancellationToken),
            fxRates.InitializeAsync(cancellationToken),
            walletNotifications.InitializeAsync(cancellationToken),
            queues.GetQueueClient(options.WebhooksQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }
}
