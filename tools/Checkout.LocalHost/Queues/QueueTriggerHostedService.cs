using Azure.Storage.Queues;
using Checkout.Workflows.Storage;
using Microsoft.Extensions.Azure;

namespace Checkout.LocalHost.Queues;

/// <summary>
/// Runs one <see cref="QueueTriggerListener"/> per registered (queue, handler) pair in the local host,
/// i.e. without the Azure Functions host delivering queue triggers.
/// </summary>
public sealed class QueueTriggerHostedService : IHostedService, IAsyncDisposable
{
    private readonly QueueTriggerRegistry _registry;
    private readonly QueueServiceClient _queues;
    private readonly QueueTriggerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Dictionary<string, QueueTriggerListener> _listeners = new(StringComparer.Ordinal);

    /// <param name="clients">Gives the listeners the queue client that leaves message text undecoded: they decode it
    /// themselves, so a badly encoded message reaches the poison queue instead of failing the whole receive.</param>
    public QueueTriggerHostedService(QueueTriggerRegistry registry, IAzureClientFactory<QueueServiceClient> clients, QueueTriggerOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        _registry = registry;
        _queues = clients.CreateClient(StorageServiceCollectionExtensions.RawQueuesClientName);
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<QueueTriggerHostedService>();
    }

    /// <summary>The running listeners by queue name (empty before start).</summary>
    public IReadOnlyDictionary<string, QueueTriggerListener> Listeners => _listeners;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        QueueTriggerLog.HostStarting(_logger, _registry.Registrations.Count);
        var logger = _loggerFactory.CreateLogger<QueueTriggerListener>();
        foreach (var registration in _registry.Registrations)
        {
            var listener = new QueueTriggerListener(_queues, registration.QueueName, registration.Handler, _options, logger);
            _listeners.Add(registration.QueueName, listener);
            await listener.StartAsync(cancellationToken);
        }
    }

    /// <summary>Stops all listeners together, so they share the host's shutdown deadline rather than queue for it.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_listeners.Values.Select(l => l.StopAsync(cancellationToken)));

    /// <summary>Cuts the polling back-off of the queue's listener short; unknown queues are ignored.</summary>
    public void Notify(string queueName)
    {
        if (_listeners.TryGetValue(queueName, out var listener))
        {
            listener.Notify();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners.Values)
        {
            await listener.DisposeAsync();
        }

        _listeners.Clear();
    }
}
