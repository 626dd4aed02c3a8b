using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Queues;

public static class QueueTriggerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local queue-trigger host: the registry filled by <paramref name="configure"/>, the hosted service
    /// running one listener per entry, and the <see cref="IQueueSignal"/> that lets the app wake a listener
    /// at once. Needs <see cref="QueueTriggerOptions"/> and the storage clients (<c>AddCheckoutStorage</c>) registered.
    /// </summary>
    public static IServiceCollection AddQueueTriggers(this IServiceCollection services, Action<IServiceProvider, QueueTriggerRegistry> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(sp =>
        {
            var registry = new QueueTriggerRegistry();
            configure(sp, registry);
            return registry;
        });
        services.AddSingleton<QueueTriggerHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueTriggerHostedService>());
        services.AddSingleton<IQueueSignal, QueueTriggerSignal>();
        return services;
    }
}
