namespace Checkout.Storage.Queues;

/// <summary>
/// Entry point for the queues of one account. Holds the account's pipeline (one connection pool); create one per
/// account and application, and hand out <see cref="QueueClient"/>s, which are cheap.
/// </summary>
public sealed class QueueServiceClient : IDisposable
{
    private readonly StoragePipeline _pipeline;

    public QueueServiceClient(StorageConnectionString account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _pipeline = new StoragePipeline(account, options ?? new StorageClientOptions());
    }

    public QueueServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    public StorageConnectionString Account => _pipeline.Account;

    public StorageOperationCounters Counters => _pipeline.Options.Counters;

    /// <summary>3-63 characters: lower-case letters, digits and single hyphens, a letter or digit at both ends.</summary>
    public static bool IsValidQueueName(string? queueName) => QueueName.IsValid(queueName);

    public QueueClient GetQueueClient(string queueName, QueueClientOptions? options = null) =>
        new(_pipeline, QueueName.Validate(queueName, nameof(queueName)), options ?? new QueueClientOptions());

    public void Dispose() => _pipeline.Dispose();
}
