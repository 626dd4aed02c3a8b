using Azure.Core;

namespace Checkout.Workflows.Storage;

/// <summary>
/// Names a storage request by what it does ("Queue.SendMessage", "Table.Batch", ...) from its method, path and query,
/// the way the service's REST API tells them apart. These are the kinds the benchmark prices a checkout in.
/// </summary>
public static class StorageOperationKind
{
    public static string Of(StorageService service, Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Uri.Path;
        var query = request.Uri.Query;
        var operation = service switch
        {
            StorageService.Queue => QueueOperation(request.Method, path, query),
            StorageService.Blob => BlobOperation(request.Method, query),
            _ => TableOperation(request.Method, path, query, request.Headers.Contains("If-Match")),
        };
        return $"{service}.{operation}";
    }

    private static string QueueOperation(RequestMethod method, string path, string query)
    {
        var segments = path.Trim('/').Split('/');
        var messagesAt = Array.IndexOf(segments, "messages");
        if (messagesAt < 0)
        {
            return method == RequestMethod.Put ? "Create"
                : method == RequestMethod.Delete ? "Delete"
                : query.Contains("comp=list", StringComparison.Ordinal) ? "ListQueues"
                : "GetProperties";
        }

        var oneMessage = messagesAt < segments.Length - 1;
        return method == RequestMethod.Post ? "SendMessage"
            : method == RequestMethod.Put ? "UpdateMessage"
            : method == RequestMethod.Delete ? (oneMessage ? "DeleteMessage" : "ClearMessages")
            : query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) ? "PeekMessages"
            : "ReceiveMessages";
    }

    /// <summary>Leases and the container listing by their <c>comp</c>, anything else by its method.</summary>
    private static string BlobOperation(RequestMethod method, string query) =>
        query.Contains("comp=lease", StringComparison.Ordinal) ? "Lease"
            : query.Contains("comp=list", StringComparison.Ordinal) ? "List"
            : method == RequestMethod.Put ? "Put"
            : method == RequestMethod.Delete ? "Delete"
            : method == RequestMethod.Head ? "GetProperties"
            : "Get";

    private static string TableOperation(RequestMethod method, string path, string query, bool conditional)
    {
        var last = path.TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..];
        if (last == "$batch")
        {
            return "Batch";
        }

        if (last.StartsWith("Tables", StringComparison.Ordinal))
        {
            return method == RequestMethod.Post ? "CreateTable" : method == RequestMethod.Delete ? "DeleteTable" : "QueryTables";
        }

        // An entity address ends in "(PartitionKey='..',RowKey='..')"; a table address in "()" or nothing.
        var entity = last.Contains("PartitionKey=", StringComparison.Ordinal);
        return method == RequestMethod.Post ? "AddEntity"
            : method == RequestMethod.Delete ? "DeleteEntity"
            : method == RequestMethod.Get ? (entity && !query.Contains("$filter", StringComparison.Ordinal) ? "GetEntity" : "Query")
            : conditional ? "UpdateEntity"
            : "UpsertEntity";
    }
}
