using System.Text.Json;
using Checkout.LocalHost.Invocation;
using Checkout.LocalHost.Metadata;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Checkout.LocalHost.Durable;

internal static class DurableFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers Durable Functions as the Functions host serves them: the engine behind its gRPC sidecar
    /// (<see cref="DurableTaskSidecar"/>), a gRPC <see cref="DurableTaskWorker"/> running every
    /// <c>orchestrationTrigger</c> and <c>activityTrigger</c> function by its function name, and the default
    /// <see cref="DurableTaskClient"/> in DI, which HTTP functions bind from services and <see cref="FunctionInvoker"/>
    /// binds to <c>[DurableClient]</c> parameters. Needs <see cref="FunctionInvoker"/> registered, and the app's settings
    /// applied to <paramref name="configuration"/> (the hub name resolves from them). An app whose metadata lists no
    /// Durable function and no client binding gets none of it, so it starts no engine and creates no task hub.
    /// </summary>
    public static IServiceCollection AddDurableFunctions(this IServiceCollection services, FunctionCatalog catalog, IConfiguration configuration, string hostJsonPath)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!UsesDurable(catalog))
        {
            return services;
        }

        // Read now, so a bad setting stops the host being built rather than its start.
        services.AddSingleton(DurableTaskHubOptions.Load(hostJsonPath, configuration));
        // Registered before the worker so it also starts first; the channel makes the order a courtesy, not a need.
        services.AddSingleton<DurableTaskSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskSidecar>());

        // The worker and the client both take the converter from DI when none is set on them.
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<JsonSerializerOptions>, ObjectSerializerDataConverter.CaseInsensitiveJson>());
        services.AddSingleton<DataConverter>(ObjectSerializerDataConverter.FromServices);

        // The channel and the tasks need services (the sidecar, the invoker), so they are configured as the options
        // UseGrpc and AddTasks fill, with dependencies, rather than through their parameters.
        services.AddDurableTaskWorker(builder => builder.UseGrpc());
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<DurableTaskSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
        services.AddOptions<DurableTaskRegistry>(Options.DefaultName)
            .Configure<FunctionInvoker, IServiceProvider, IHostApplicationLifetime, ILoggerFactory>((registry, invoker, services, lifetime, logs) =>
                AddFunctions(registry, catalog, invoker, services, logs.CreateLogger<DurableTaskSidecar>(), lifetime.ApplicationStopping));

        services.AddDurableTaskClient(builder => builder.UseGrpc());
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName)
            .Configure<DurableTaskSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
        return services;
    }

    private static bool UsesDurable(FunctionCatalog catalog) =>
        catalog.Functions.Any(f => f.Trigger.Type is FunctionBinding.OrchestrationTrigger or FunctionBinding.ActivityTrigger
            || f.Entry.Bindings.Any(b => b.Type == FunctionBinding.DurableClient));

    private static void AddFunctions(
        DurableTaskRegistry registry, FunctionCatalog catalog, FunctionInvoker invoker, IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        var orchestrators = catalog.WithTrigger(FunctionBinding.OrchestrationTrigger).ToList();
        var activities = catalog.WithTrigger(FunctionBinding.ActivityTrigger).ToList();
        foreach (var function in orchestrators)
        {
            registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function, services));
        }

        foreach (var function in activities)
        {
            // One instance per function: it holds nothing of an execution.
            registry.AddActivity(function.Name, new FunctionActivity(function, invoker, stopping));
        }

        DurableTaskLog.FunctionsRegistered(logger, orchestrators.Count, activities.Count);
    }
}
