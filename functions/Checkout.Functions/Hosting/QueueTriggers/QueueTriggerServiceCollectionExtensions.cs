using Azure.Storage.Queues.Models;
using Checkout.Workflows.Runtime;

namespace Checkout.Functions.Hosting.QueueTriggers;

public static class QueueTriggerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the standalone queue-trigger host: options from <c>host.json</c> (by default the copy next to the
    /// app), the registry filled by <paramref name="configure"/>, the hosted service and the <see cref="IQueueSignal"/>
    /// that lets the workflow runtime wake a listener. Needs the storage clients (<c>AddCheckoutStorage</c>) registered.
    /// </summary>
    public static IServiceCollection AddQueueTriggers(
        this IServiceCollection services, Action<IServiceProvider, QueueTriggerRegistry> configure, string? hostJsonPath = null)
    {
        services.AddQueueTriggerRegistry(configure, hostJsonPath);
        services.AddSingleton<QueueTriggerHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueTriggerHostedService>());
        services.AddSingleton<IQueueSignal, QueueTriggerSignal>();
        return services;
    }

    /// <summary>
    /// Registers the queue-triggered functions and their options without the standalone listener: what custom-handler
    /// mode needs, where the Azure Functions host receives the messages and invokes the functions over HTTP.
    /// </summary>
    public static IServiceCollection AddQueueTriggerRegistry(
        this IServiceCollection services, Action<IServiceProvider, QueueTriggerRegistry> configure, string? hostJsonPath = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var path = hostJsonPath ?? Path.Combine(AppContext.BaseDirectory, "host.json");
        services.AddSingleton(_ => File.Exists(path) || hostJsonPath is not null ? QueueTriggerOptions.FromHostJson(path) : new QueueTriggerOptions());
        services.AddSingleton(sp =>
        {
            var registry = new QueueTriggerRegistry();
            configure(sp, registry);
            return registry;
        });
        return services;
    }
}
