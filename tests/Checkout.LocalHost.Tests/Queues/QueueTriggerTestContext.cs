using Azure.Storage.Queues;
using Checkout.LocalHost.Queues;
using Checkout.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.LocalHost.Tests.Queues;

/// <summary>Per-test queue, clients and listener plumbing for the queue-trigger tests against Azurite.</summary>
internal sealed class QueueTriggerTestContext : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly List<QueueTriggerListener> _listeners = [];

    /// <param name="queueName">An exact queue name; by default a unique one from <paramref name="prefix"/>.</param>
    public QueueTriggerTestContext(AzuriteFixture azurite, string prefix, string? queueName = null)
    {
        // The listener's own clients, so their storage counters show exactly what the listener did.
        ListenerStorage = new StorageClients(azurite.ConnectionString);
        Storage = new StorageClients(azurite.ConnectionString);
        QueueName = queueName ?? UniqueName.Queue(prefix);
        Queue = Storage.Queues.GetQueueClient(QueueName);
        RawQueue = Storage.RawQueues.GetQueueClient(QueueName);
        Poison = Storage.Queues.GetQueueClient(QueueName + "-poison");
    }

    public StorageClients ListenerStorage { get; }

    public StorageClients Storage { get; }

    public string QueueName { get; }

    public QueueClient Queue { get; }

    public QueueClient RawQueue { get; }

    public QueueClient Poison { get; }

    /// <summary>Fast polling so tests do not idle, otherwise the documented defaults.</summary>
    public static QueueTriggerOptions FastOptions() => new() { MaxPollingInterval = TimeSpan.FromMilliseconds(200) };

    public async Task<QueueTriggerListener> StartAsync(QueueTriggerHandler handler, QueueTriggerOptions? options = null)
    {
        await Queue.CreateIfNotExistsAsync();
        var listener = new QueueTriggerListener(ListenerStorage.RawQueues, QueueName, handler, options ?? FastOptions(), NullLogger<QueueTriggerListener>.Instance);
        _listeners.Add(listener);
        await listener.StartAsync(CancellationToken.None);
        return listener;
    }

    public Task<int> PoisonCountAsync() => StorageClients.ApproximateCountAsync(Poison);

    public Task<int> VisibleOrInvisibleCountAsync() => StorageClients.ApproximateCountAsync(Queue);

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            await listener.DisposeAsync();
        }

        ListenerStorage.Dispose();
        Storage.Dispose();
    }
}
