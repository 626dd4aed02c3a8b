using System.Text.Json;
using Azure.Storage.Queues;
using Checkout.Domain.Geography;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
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

    public static async Task<PayoutScenario> StartAsync(AzuriteFixture azurite, string? accountNumber, Action<IServiceCollection>? replace = null)
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        var host = await WorkflowHost.StartAsync(azurite.ConnectionString, prefix, new ManualClock(Start), services =>
        {
            services.AddSingleton(new PayoutOptions { StatusPollInterval = TimeSpan.FromSeconds(1), RailWebhookSecret = RailSecret });
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
        host.Get<PayoutDestinationStore>().SetAsync(Merchant, new PayoutDestination("Test Merchant Ltd", accountNumber, new CountryCode("US")), Start, CancellationToken.None);

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

    public async Task<long> BalanceAsync(LedgerAccount account) =>
        (await host.Get<LedgerStore>().GetBalancesAsync(Merchant, CancellationToken.None)).GetValueOrDefault(account);

    public Task<long> AvailableAsync() => BalanceAsync(LedgerAccount.MerchantBalance(Merchant, new CurrencyCode("USD")));

    public Task<long> InTransitAsync() => BalanceAsync(LedgerAccount.PayoutsInTransit(Merchant, new CurrencyCode("USD")));

    public async Task AssertReconciledAsync()
    {
        var report = await host.Get<LedgerReconciliation>().RunAsync(CancellationToken.None);
        Assert.True(report.IsReconciled, string.Join(Environment.NewLine, report.Problems));
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
