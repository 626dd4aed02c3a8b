using Azure.Storage.Queues;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Providers;

namespace Checkout.Workflows.Payouts;

/// <summary>Creates the ledger, payout and sandbox rail tables and the payouts queues (idempotent).</summary>
public sealed class PayoutStorageInitializer(LedgerStore ledger, PayoutStore payouts, SandboxPayoutRail rail, QueueServiceClient queues, CheckoutWorkflowOptions options)
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.WhenAll(
        ledger.InitializeAsync(cancellationToken),
        payouts.InitializeAsync(cancellationToken),
        rail.InitializeAsync(cancellationToken),
        queues.GetQueueClient(options.PayoutsQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
        queues.GetQueueClient(options.PayoutsQueue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken));
}
