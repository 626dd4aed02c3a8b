using Checkout.LocalHost.Durable;
using Checkout.Testing;
using Checkout.Workflows.Storage;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Checkout.Bench.Baseline;

/// <summary>
/// The engine exactly as the app's local host runs it (<see cref="DurableTaskSidecar"/>: the Azure Storage provider
/// behind a gRPC sidecar, a stock gRPC worker and client, the task hub settings read from the root host.json with the
/// local defaults and <c>DurableTask__*</c> overrides), here in the bench's process with only
/// <see cref="BaselineOrchestration"/> registered. Its storage requests are counted by the app's own policy into
/// <see cref="Counters"/>; the driver's status polls go through a second provider instance counted apart
/// (<see cref="PollCounters"/>), since the app's status polls are excluded from its figures too.
/// </summary>
internal sealed class BaselineEngine : IAsyncDisposable
{
    private readonly IHost _host;

    private BaselineEngine(IHost host, AzureStorageOrchestrationService pollService, StorageOperationCounters pollCounters, DurableTaskHubOptions options)
    {
        _host = host;
        PollService = pollService;
        PollCounters = pollCounters;
        Options = options;
    }

    public StorageOperationCounters Counters => _host.Services.GetRequiredService<StorageOperationCounters>();

    public StorageOperationCounters PollCounters { get; }

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>A client-only provider instance for status reads, on <see cref="PollCounters"/>.</summary>
    public AzureStorageOrchestrationService PollService { get; }

    public DurableTaskHubOptions Options { get; }

    public static async Task<BaselineEngine> StartAsync(string connectionString, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageAccountSettings.SettingName] = connectionString,
                ["Checkout:TaskHub"] = "baseline",
            })
            .AddEnvironmentVariables()
            .Build();
        var options = DurableTaskHubOptions.Load(Path.Combine(RepositoryPaths.Root, "host.json"), configuration);
        var account = StorageAccountSettings.Read(configuration);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(account);
        builder.Services.AddSingleton<StorageOperationCounters>();
        builder.Services.AddSingleton<DurableTaskSidecar>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DurableTaskSidecar>());
        builder.Services.AddDurableTaskWorker(worker => worker.AddTasks(BaselineOrchestration.Register).UseGrpc());
        builder.Services.AddOptions<GrpcDurableTaskWorkerOptions>(Microsoft.Extensions.Options.Options.DefaultName)
            .Configure<DurableTaskSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
        builder.Services.AddDurableTaskClient(client => client.UseGrpc());
        builder.Services.AddOptions<GrpcDurableTaskClientOptions>(Microsoft.Extensions.Options.Options.DefaultName)
            .Configure<DurableTaskSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
        var host = builder.Build();
        var pollCounters = new StorageOperationCounters();
        var pollService = TaskHubStorage.Create(options, account, pollCounters, NullLoggerFactory.Instance);
        await host.StartAsync(ct);
        return new BaselineEngine(host, pollService, pollCounters, options);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _host.StopAsync(stop.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
