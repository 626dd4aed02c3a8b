using Checkout.Functions.Hosting.QueueTriggers;
using Checkout.Storage;
using Checkout.Storage.Queues;
using Checkout.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Functions.Tests.QueueTriggers;

/// <summary>Per-test queue, clients and listener plumbing for the queue-trigger tests against Azurite.</summary>
internal sealed class QueueTriggerTestContext : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly List<QueueTriggerListener> _listeners = [];

    /// <param name="queueName">An exact queue name; by default a unique one from <paramref name="prefix"/>.</param>
    public QueueTriggerTestContext(AzuriteFixture azurite, string prefix, string? queueName = null)
    {
        // The listener's own client, so its storage counters show exactly what the listener did.
        ListenerStorage = new QueueServiceClient(azurite.ConnectionString, new StorageClientOptions());
        Storage = new QueueServiceClient(azurite.ConnectionString);
        QueueName = queueName ?? UniqueName.Queue(prefix);
        Queue = Storage.GetQueueClient(QueueName);
        RawQueue = Storage.GetQueueClient(QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        Poison = Storage.GetQueueClient(QueueName + "-poison");
    }

    public QueueServiceClient ListenerStorage { get; }

    public QueueServiceClient Storage { get; }

    public string QueueName { get; }

    public QueueClient Queue { get; }

    public QueueClient RawQueue { get; }

    public QueueClient Poison { get; }

    /// <summary>Fast polling so tests do not idle, otherwise the documented defaults.</summary>
    public static QueueTriggerOptions FastOptions() => new() { MaxPollingInterval = TimeSpan.FromMilliseconds(200) };

    public async Task<QueueTriggerListener> StartAsync(QueueTriggerHandler handler, QueueTriggerOptions? options = null)
    {
        await Queue.CreateIfNotExistsAsync();
        var listener = new QueueTriggerListener(ListenerStorage, QueueName, handler, options ?? FastOptions(), NullLogger<QueueTriggerListener>.Instance);
        _listeners.Add(listener);
        await listener.StartAsync(CancellationToken.None);
        return listener;
    }

    public async Task<int> PoisonCountAsync()
    {
        try
        {
            return await Poison.GetApproximateMessageCountAsync();
        }
        catch (StorageRequestFailedException ex) when (ex.ErrorCode == StorageErrorCodes.QueueNotFound)
        {
            return 0;
        }
    }

    public Task<int> VisibleOrInvisibleCountAsync() => Queue.GetApproximateMessageCountAsync();

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
