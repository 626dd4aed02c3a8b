namespace Checkout.Storage.Tables;

/// <summary>
/// The HTTP shape of one entity write, shared by single requests and transaction sub-requests so both speak exactly
/// the same protocol: the verb picks insert/merge/replace/delete, and If-Match turns an upsert into a guarded update.
/// </summary>
internal sealed record TableWriteRequest(string Method, Uri Uri, byte[]? Body, string? IfMatch)
{
    public const string Merge = "MERGE";

    /// <summary>Inserts answer 204 instead of echoing the entity back (as the SDKs ask).</summary>
    public bool PreferNoContent => Method == "POST";

    public static TableWriteRequest For(Uri endpoint, string tableName, TableTransactionAction action)
    {
        var entity = action.Entity;
        var entityUri = TableUris.Entity(endpoint, tableName, entity.PartitionKey, entity.RowKey);
        var guard = (action.IfMatch ?? ETag.All).Value;
        if (string.IsNullOrEmpty(guard))
        {
            // default(ETag) would send an empty If-Match, which the service rejects with a less helpful 400.
            throw new ArgumentException("If-Match needs an ETag value; use ETag.All to match any version.", nameof(action));
        }

        return action.ActionType switch
        {
            TableTransactionActionType.Add => new("POST", TableUris.Insert(endpoint, tableName), TableEntityJson.Serialize(entity), null),
            TableTransactionActionType.UpdateMerge => new(Merge, entityUri, TableEntityJson.Serialize(entity), guard),
            TableTransactionActionType.UpdateReplace => new("PUT", entityUri, TableEntityJson.Serialize(entity), guard),
            TableTransactionActionType.Delete => new("DELETE", entityUri, null, guard),
            TableTransactionActionType.UpsertMerge => new(Merge, entityUri, TableEntityJson.Serialize(entity), null),
            TableTransactionActionType.UpsertReplace => new("PUT", entityUri, TableEntityJson.Serialize(entity), null),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };
    }

    public HttpRequestMessage ToHttpRequest()
    {
        var request = TableHttp.CreateRequest(new HttpMethod(Method), Uri);
        if (Body is not null)
        {
            TableHttp.SetJsonContent(request, Body);
        }

        if (PreferNoContent)
        {
            request.Headers.TryAddWithoutValidation(TableHttp.PreferHeader, TableHttp.ReturnNoContent);
        }

        if (IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        return request;
    }
}
