using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Checkout.Storage.Tables;

/// <summary>
/// Walks a query page by page. The service ends a page at 1,000 entities, 5 seconds or a partition boundary and says
/// where to resume in x-ms-continuation-NextPartitionKey/NextRowKey; a page can be empty and still continue, so only
/// the absence of those headers ends the query.
/// </summary>
internal sealed class TableQueryPager(TableTransport transport, string tableName, TableQuery query)
{
    private const string NextPartitionKeyHeader = "x-ms-continuation-NextPartitionKey";
    private const string NextRowKeyHeader = "x-ms-continuation-NextRowKey";

    public async IAsyncEnumerable<TablePage> PagesAsync(
        string? nextPartitionKey, string? nextRowKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var (entities, partitionKey, rowKey) = await ReadPageAsync(nextPartitionKey, nextRowKey, cancellationToken);
            (nextPartitionKey, nextRowKey) = (partitionKey, rowKey);
            yield return new TablePage(entities, TableContinuationToken.Encode(nextPartitionKey, nextRowKey));
        }
        while (!string.IsNullOrEmpty(nextPartitionKey));
    }

    private async Task<(List<TableEntity> Entities, string? NextPartitionKey, string? NextRowKey)> ReadPageAsync(
        string? nextPartitionKey, string? nextRowKey, CancellationToken cancellationToken)
    {
        var uri = TableUris.Query(transport.Endpoint, tableName, query, nextPartitionKey, nextRowKey);
        using var response = await transport.SendAsync(
            TableOperationKinds.Query, () => TableHttp.CreateRequest(HttpMethod.Get, uri), cancellationToken);
        await TableTransport.ThrowIfFailedAsync(response, TableOperationKinds.Query, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var entities = json.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Deserialize).ToList();
        return (entities, TableHttp.ReadHeader(response, NextPartitionKeyHeader), TableHttp.ReadHeader(response, NextRowKeyHeader));
    }
}
