using Checkout.Domain.Payments;
using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Runtime;
using Checkout.Workflows.Steps;
using Checkout.Workflows.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Workflows.Tests.Harness;

/// <summary>
/// One "worker": the real workflow services on Azurite, wired exactly as the app wires them, with a test clock.
/// Two hosts with the same prefix are two competing workers on the same queues and tables.
/// </summary>
internal sealed class WorkflowHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private WorkflowHost(ServiceProvider services, string prefix)
    {
        _services = services;
        Prefix = prefix;
    }

    public string Prefix { get; }

    public ManualClock Clock => (ManualClock)_services.GetRequiredService<TimeProvider>();

    public CheckoutRuntime Runtime => Get<CheckoutRuntime>();

    public CheckoutStore Store => Get<CheckoutStore>();

    public CheckoutWorkHandler Handler => Get<CheckoutWorkHandler>();

    public CheckoutWorkflowOptions Options => Get<CheckoutWorkflowOptions>();

    public WorkflowMetrics Metrics => Get<WorkflowMetrics>();

    public StorageOperationCounters Counters => Get<StorageOperationCounters>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<WorkflowHost> StartAsync(
        string connectionString, string prefix, ManualClock clock, Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Checkout:ResourcePrefix"] = prefix,
            ["Payments:Provider"] = "sandbox",
            ["Payouts:Rail"] = "sandbox",
            ["Checkout:MaxTimerDelay"] = "00:00:01",
            ["Checkout:OutboxMinAge"] = "00:00:00",

            // The shipped sample rates are dated; tests pin the clock near that date and accept them.
            ["Fx:Quotes:MaxRateAgeDays"] = "3650",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddCheckoutWorkflows(configuration);
        services.AddSingleton<TimeProvider>(clock);
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<WorkflowStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new WorkflowHost(provider, prefix);
    }

    public static CheckoutState NewCheckout(string id, DateTimeOffset at, string token = SandboxPaymentGateway.SuccessToken, string destination = "PK", string postalCode = "54000") =>
        SampleCheckouts.Create(id, at, token, destination, postalCode);

    public async Task<CheckoutState> StateAsync(string id) =>
        (await Store.GetAsync(id, CancellationToken.None))?.State ?? throw new InvalidOperationException($"No checkout {id}.");

    /// <summary>The checkout's outbox rows still in the table, due or not: empty once every transition's messages went out.</summary>
    public async Task<List<Persistence.OutboxMessage>> OutboxRowsAsync(string id)
    {
        var rows = new List<Persistence.OutboxMessage>();
        await foreach (var (checkoutId, message) in Store.FindStaleOutboxAsync(DateTimeOffset.MaxValue, CancellationToken.None))
        {
            if (checkoutId == id)
            {
                rows.Add(message);
            }
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
