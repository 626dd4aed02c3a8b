using System.Text.Json;
using Azure.Storage.Queues;
using Checkout.Domain.Geography;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Domain.Payouts.BankAccounts;
using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Events;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Serialization;
using Checkout.Workflows.Tests.Harness;
using Checkout.Workflows.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Workflows.Tests.Payouts;

/// <summary>One worker on Azurite with merchant <see cref="SampleCheckouts.MerchantId"/> settling in USD, driving
/// checkouts to completion and their payouts along, with the ledger and the published events at hand.</summary>
internal sealed class PayoutScenario(WorkflowHost host) : IAsyncDisposable
{
    public const string RailSecret = "rail_test_secret";
    public const string Merchant = SampleCheckouts.MerchantId;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Frozen for the payout's own timing; at today's date because Durable's quote timer runs on real time.
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    public WorkflowHost Host => host;

    public static async Task<PayoutScenario> StartAsync(AzuriteFixture azurite, string? accountNumber, Action<IServiceCollection>? replace = null, int automaticRetries = 0)
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        var host = await WorkflowHost.StartAsync(azurite.ConnectionString, prefix, new ManualClock(Start), services =>
        {
            services.AddSingleton(new PayoutOptions
            {
                StatusPollInterval = TimeSpan.FromSeconds(1),
                RailWebhookSecret = RailSecret,
                AutomaticRetries = automaticRetries,
                AutomaticRetryDelay = TimeSpan.FromMilliseconds(200),
            });
            replace?.Invoke(services);
        });
        await host.Get<MerchantProfileStore>().UpsertAsync(new MerchantProfile(Merchant, "Test merchant", new CurrencyCode("USD"), Start), CancellationToken.None);
        var scenario = new PayoutScenario(host);
        if (accountNumber is not null)
        {
            await scenario.SetDestinationAsync(accountNumber);
        }

        return scenario;
    }

    public Task SetDestinationAsync(string accountNumber) =>
        host.Get<PayoutDestinationStore>().SetAsync(
            Merchant,
            new PayoutDestination("Test Merchant Ltd", new CountryCode("US"), new CurrencyCode("USD"), new BankAccount(BankAccountScheme.UsAch, accountNumber, RoutingNumber: "110000000")),
            Start,
            CancellationToken.None);

    /// <summary>Runs a checkout to <c>completed</c> (the payout queue untouched) and returns its payout as it then stands.</summary>
    public async Task<Payout> CompleteCheckoutAsync(string id)
    {
        var ended = await host.RunToEndAsync(id);
        Assert.Equal(CheckoutPhase.Completed, ended.State.Phase);
        return await PayoutAsync(id);
    }

    public async Task<Payout> PayoutAsync(string checkoutId) =>
        await host.Get<PayoutStore>().GetAsync(Merchant, checkoutId + "-payout", CancellationToken.None)
        ?? throw new InvalidOperationException($"No payout for {checkoutId}.");

    public async Task<Payout> PumpUntilAsync(string checkoutId, Func<Payout, bool> done, string because, int deliveries = 1)
    {
        var pump = new PayoutPump(host, deliveries);
        await pump.UntilAsync(async () => done(await PayoutAsync(checkoutId)), Timeout, because);
        return await PayoutAsync(checkoutId);
    }

    /// <summary>The merchant's retry as the API makes it: the next attempt, then the payout's orchestration woken.</summary>
    public async Task<PayoutRetryResult> RetryAsync(string payoutId)
    {
        var result = await host.Get<PayoutRetries>().RetryAsync(Merchant, payoutId, CancellationToken.None);
        if (result is { Outcome: PayoutRetryOutcome.Retried or PayoutRetryOutcome.Resent, Payout: { } payout })
        {
            await host.Get<PayoutOrchestrations>().RetryAsync(host.Client, payout, CancellationToken.None);
        }

        return result;
    }

    /// <summary>What a new destination does: every failed, canceled or pending payout retried.</summary>
    public async Task<IReadOnlyList<Payout>> RetryAllAsync()
    {
        var retried = await host.Get<PayoutRetries>().RetryAllAsync(Merchant, CancellationToken.None);
        foreach (var payout in retried)
        {
            await host.Get<PayoutOrchestrations>().RetryAsync(host.Client, payout, CancellationToken.None);
        }

        return retried;
    }

    public async Task<long> BalanceAsync(LedgerAccount account) =>
        (await host.Get<LedgerStore>().GetBalancesAsync(Merchant, CancellationToken.None)).GetValueOrDefault(account);

    public Task<long> AvailableAsync() => BalanceAsync(LedgerAccount.MerchantBalance(Merchant, new CurrencyCode("USD")));

    public Task<long> InTransitAsync() => BalanceAsync(LedgerAccount.PayoutsInTransit(Merchant, new CurrencyCode("USD")));

    /// <summary>The ledger reconciles. The payout's orchestration runs beside the test, and a reconciliation reads the
    /// ledger in more than one query, so a posting landing between them is given a few seconds to be read whole.</summary>
    public async Task AssertReconciledAsync()
    {
        var report = await Eventually.UntilAsync(
            () => host.Get<LedgerReconciliation>().RunAsync(CancellationToken.None),
            r => r.IsReconciled,
            TimeSpan.FromSeconds(10),
            "the ledger reconciles");
        Assert.True(report.Transactions > 0);
    }

    /// <summary>The merchant events waiting on the webhooks queue (peeked, so nothing is consumed).</summary>
    public async Task<IReadOnlyList<MerchantEvent>> EventsAsync()
    {
        var queue = host.Get<QueueServiceClient>().GetQueueClient(host.Options.WebhooksQueue);
        var messages = (await queue.PeekMessagesAsync(32)).Value;
        return messages.SelectMany(m => MerchantEventBatch.Parse(m.Body.ToString())).ToList();
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
