using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Functions.Tests;

/// <summary>
/// The caller's side of the workflow (what the HTTP API does): start checkouts and raise buyer events. It processes no
/// queue messages; worker processes of the real app do. Also the auditor: reads states, history, captures, payouts.
/// </summary>
internal sealed class WorkflowClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public WorkflowClient(string connectionString, string prefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Checkout:ResourcePrefix"] = prefix,
            ["Payments:Provider"] = "sandbox",
            ["Payouts:Rail"] = "sandbox",
            ["Fx:Quotes:MaxRateAgeDays"] = "36500",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddCheckoutWorkflows(configuration);
        _services = services.BuildServiceProvider();
    }

    public CheckoutRuntime Runtime => _services.GetRequiredService<CheckoutRuntime>();

    public CheckoutStore Store => _services.GetRequiredService<CheckoutStore>();

    public Task InitializeAsync() => _services.GetRequiredService<WorkflowStorageInitializer>().InitializeAsync(CancellationToken.None);

    public Task<bool> StartAsync(string id) => Runtime.StartAsync(SampleCheckouts.Create(id, DateTimeOffset.UtcNow), CancellationToken.None);

    public async Task<CheckoutState> StateAsync(string id) =>
        (await Store.GetAsync(id, CancellationToken.None))?.State ?? throw new InvalidOperationException($"No checkout {id}.");

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id)
    {
        var entries = new List<HistoryEntry>();
        await foreach (var entry in Store.GetHistoryAsync(id, CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public Task<IReadOnlyList<(string CheckoutId, string CaptureId)>> CapturesAsync() =>
        _services.GetRequiredService<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None);

    public Task<IReadOnlyList<(string MerchantId, string PayoutId, string CheckoutId)>> PayoutsAsync() =>
        _services.GetRequiredService<PayoutHandOff>().ListAsync(CancellationToken.None);

    public async Task<int> OutboxRowsAsync()
    {
        var count = 0;
        await foreach (var _ in Store.FindStaleOutboxAsync(DateTimeOffset.MaxValue, CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
