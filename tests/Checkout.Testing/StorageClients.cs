using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Workflows.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Testing;

/// <summary>
/// The app's own storage clients (<see cref="StorageServiceCollectionExtensions.AddCheckoutStorage"/>) for a test's
/// Azurite: base64 and raw queue clients, the table client, and the counters every request they send lands in.
/// </summary>
public sealed class StorageClients : IDisposable
{
    private readonly ServiceProvider _services;

    public StorageClients(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageAccountSettings.SettingName] = connectionString })
            .Build();
        _services = new ServiceCollection().AddCheckoutStorage(configuration).BuildServiceProvider();
        Queues = _services.GetRequiredService<QueueServiceClient>();
        QueueClientFactory = _services.GetRequiredService<IAzureClientFactory<QueueServiceClient>>();
        RawQueues = QueueClientFactory.CreateClient(StorageServiceCollectionExtensions.RawQueuesClientName);
        Tables = _services.GetRequiredService<TableServiceClient>();
        Counters = _services.GetRequiredService<StorageOperationCounters>();
    }

    /// <summary>Base64 messages, as the app and the Functions queue trigger write them.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>Message text as it is on the wire.</summary>
    public QueueServiceClient RawQueues { get; }

    /// <summary>The named queue clients, as the app's queue-trigger host resolves them.</summary>
    public IAzureClientFactory<QueueServiceClient> QueueClientFactory { get; }

    public TableServiceClient Tables { get; }

    public StorageOperationCounters Counters { get; }

    /// <summary>The service's approximate count of a queue's messages; 0 when the queue does not exist.</summary>
    public static async Task<int> ApproximateCountAsync(QueueClient queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsQueueNotFound(ex))
        {
            return 0;
        }
    }

    public void Dispose() => _services.Dispose();
}
