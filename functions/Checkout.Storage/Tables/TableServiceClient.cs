namespace Checkout.Storage.Tables;

/// <summary>
/// The entry point to one storage account's Table service, shaped like <c>Azure.Data.Tables.TableServiceClient</c>.
/// Owns the HTTP pipeline (signing, retries, operation counters); the <see cref="TableClient"/>s it hands out share it
/// and must not be used after it is disposed.
/// </summary>
public sealed class TableServiceClient : IDisposable
{
    private readonly StoragePipeline _pipeline;
    private readonly TableTransport _transport;

    public TableServiceClient(StorageConnectionString account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _pipeline = new StoragePipeline(account, options ?? new StorageClientOptions());
        _transport = new TableTransport(_pipeline);
    }

    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    /// <summary>How many requests of each kind ("Table.AddEntity", "Table.Query", ...) this client has sent.</summary>
    public StorageOperationCounters Counters => _pipeline.Options.Counters;

    /// <summary>A client for one table (3-63 ASCII letters and digits, starting with a letter); the table need not exist yet.</summary>
    public TableClient GetTableClient(string tableName)
    {
        TableNames.Validate(tableName);
        return new TableClient(_transport, tableName);
    }

    public void Dispose() => _pipeline.Dispose();
}
