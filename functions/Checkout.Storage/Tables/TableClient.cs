using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Checkout.Storage.Tables;

/// <summary>
/// One table, shaped like <c>Azure.Data.Tables.TableClient</c>. Failed requests throw
/// <see cref="StorageRequestFailedException"/> with the service's status and error code (for example 409
/// EntityAlreadyExists, 412 UpdateConditionNotSatisfied, 404 ResourceNotFound); invalid arguments throw
/// <see cref="ArgumentException"/> before anything is sent. Obtain one from <see cref="TableServiceClient.GetTableClient"/>.
/// </summary>
public sealed class TableClient
{
    private readonly TableTransport _transport;

    internal TableClient(TableTransport transport, string name)
    {
        _transport = transport;
        Name = name;
    }

    public string Name { get; }

    private Uri Endpoint => _transport.Endpoint;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        // The name is validated alphanumeric, so it needs no JSON escaping.
        var body = Encoding.UTF8.GetBytes($$"""{"TableName":"{{Name}}"}""");
        using var response = await SendAsync(TableOperationKinds.CreateTable, () =>
        {
            var request = TableHttp.CreateRequest(HttpMethod.Post, TableUris.Tables(Endpoint), TableHttp.NoMetadata);
            TableHttp.SetJsonContent(request, body);
            request.Headers.TryAddWithoutValidation(TableHttp.PreferHeader, TableHttp.ReturnNoContent);
            return request;
        }, cancellationToken);
        var failure = await FailureAsync(response, TableOperationKinds.CreateTable, cancellationToken);
        if (failure is not null && failure.ErrorCode != StorageErrorCodes.TableAlreadyExists)
        {
            throw failure;
        }
    }

    public async Task DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(TableOperationKinds.DeleteTable, () =>
            TableHttp.CreateRequest(HttpMethod.Delete, TableUris.Table(Endpoint, Name), TableHttp.NoMetadata), cancellationToken);
        var failure = await FailureAsync(response, TableOperationKinds.DeleteTable, cancellationToken);
        if (failure is not null && failure.Status != 404)
        {
            throw failure;
        }
    }

    /// <summary>Inserts the entity; 409 EntityAlreadyExists when the row exists. Returns the new ETag.</summary>
    public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        WriteAsync(TableOperationKinds.AddEntity, new(TableTransactionActionType.Add, entity), cancellationToken);

    /// <summary>Inserts the entity or merges it into / replaces the existing row, whatever its version.</summary>
    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        var type = mode == TableUpdateMode.Merge ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.UpsertReplace;
        return WriteAsync(TableOperationKinds.UpsertEntity, new(type, entity), cancellationToken);
    }

    /// <summary>Updates an existing row if its ETag still matches (<see cref="ETag.All"/> for any); 412 UpdateConditionNotSatisfied otherwise.</summary>
    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        var type = mode == TableUpdateMode.Merge ? TableTransactionActionType.UpdateMerge : TableTransactionActionType.UpdateReplace;
        return WriteAsync(TableOperationKinds.UpdateEntity, new(type, entity, ifMatch), cancellationToken);
    }

    /// <summary>Deletes the row if its ETag matches (default <see cref="ETag.All"/>); 404 when it does not exist.</summary>
    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        TableEntityLimits.ValidateKeys(partitionKey, rowKey);
        var action = new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
        var write = TableWriteRequest.For(Endpoint, Name, action);
        using var response = await SendAsync(TableOperationKinds.DeleteEntity, write.ToHttpRequest, cancellationToken);
        await ThrowIfFailedAsync(response, TableOperationKinds.DeleteEntity, cancellationToken);
    }

    /// <summary>Reads one row; 404 ResourceNotFound when it does not exist.</summary>
    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var (entity, failure) = await TryGetEntityAsync(partitionKey, rowKey, select, cancellationToken);
        return entity ?? throw failure!;
    }

    /// <summary>Reads one row, or returns null when the row does not exist (a missing table still throws).</summary>
    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var (entity, failure) = await TryGetEntityAsync(partitionKey, rowKey, select, cancellationToken);
        if (failure is not null && failure.ErrorCode != StorageErrorCodes.ResourceNotFound)
        {
            throw failure;
        }

        return entity;
    }

    /// <summary>Every entity matching the filter, following continuation headers across pages (including empty ones).</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in QueryPagesAsync(filter, select, maxPerPage, continuationToken: null, cancellationToken))
        {
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }
        }
    }

    /// <summary>
    /// The query's pages in order, each with an opaque token that resumes after it; start from
    /// <paramref name="continuationToken"/> when given. Pages may be empty yet carry a token.
    /// </summary>
    public IAsyncEnumerable<TablePage> QueryPagesAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        var query = TableQuery.Create(filter, select, maxPerPage);
        var start = continuationToken is null ? default : TableContinuationToken.Decode(continuationToken);
        return new TableQueryPager(_transport, Name, query).PagesAsync(start.NextPartitionKey, start.NextRowKey, cancellationToken);
    }

    /// <summary>
    /// Commits all actions atomically or none. Results are in action order. A rejected transaction throws
    /// <see cref="TableTransactionFailedException"/> naming the failing action's index.
    /// </summary>
    public Task<IReadOnlyList<TableTransactionResult>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableTransactionRules.Validate(actions);
        return new TableTransactionSender(_transport, Name).SendAsync(actions, cancellationToken);
    }

    private async Task<ETag> WriteAsync(string kind, TableTransactionAction action, CancellationToken cancellationToken)
    {
        TableEntityLimits.ValidateForWrite(action.Entity);
        var write = TableWriteRequest.For(Endpoint, Name, action);
        using var response = await SendAsync(kind, write.ToHttpRequest, cancellationToken);
        await ThrowIfFailedAsync(response, kind, cancellationToken);
        return TableHttp.ReadETag(response) ?? throw new FormatException($"{kind} succeeded without an ETag header.");
    }

    private async Task<(TableEntity? Entity, StorageRequestFailedException? Failure)> TryGetEntityAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        TableEntityLimits.ValidateKeys(partitionKey, rowKey);
        var uri = TableUris.Entity(Endpoint, Name, partitionKey, rowKey, select?.ToList());
        using var response = await SendAsync(TableOperationKinds.GetEntity, () => TableHttp.CreateRequest(HttpMethod.Get, uri), cancellationToken);
        if (await FailureAsync(response, TableOperationKinds.GetEntity, cancellationToken) is { } failure)
        {
            return (null, failure);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var entity = TableEntityJson.Deserialize(json.RootElement);
        entity.ETag ??= TableHttp.ReadETag(response);
        return (entity, null);
    }

    private Task<HttpResponseMessage> SendAsync(string kind, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        _transport.SendAsync(kind, createRequest, cancellationToken);

    private static Task<StorageRequestFailedException?> FailureAsync(HttpResponseMessage response, string kind, CancellationToken cancellationToken) =>
        TableTransport.FailureAsync(response, kind, cancellationToken);

    private static Task ThrowIfFailedAsync(HttpResponseMessage response, string kind, CancellationToken cancellationToken) =>
        TableTransport.ThrowIfFailedAsync(response, kind, cancellationToken);
}
