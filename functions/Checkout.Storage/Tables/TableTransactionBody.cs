using System.Text;

namespace Checkout.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity-group transaction: one batch holding one changeset, each sub-request an
/// embedded HTTP/1.1 request with an absolute URL, CRLF line endings and the JSON body on one line (the format the
/// Azure SDKs send and Azurite parses; see Azurite tests/table/unit/mock.request.serialization.strings.ts).
/// </summary>
internal static class TableTransactionBody
{
    private const string Crlf = "\r\n";

    public static string ContentType(string batchBoundary) => "multipart/mixed; boundary=" + batchBoundary;

    public static string Build(IReadOnlyList<TableWriteRequest> requests, string batchBoundary, string changesetBoundary)
    {
        var text = new StringBuilder();
        text.Append("--").Append(batchBoundary).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append(Crlf)
            .Append(Crlf);
        foreach (var request in requests)
        {
            AppendSubRequest(text, request, changesetBoundary);
        }

        return text.Append("--").Append(changesetBoundary).Append("--").Append(Crlf)
            .Append("--").Append(batchBoundary).Append("--").Append(Crlf)
            .ToString();
    }

    private static void AppendSubRequest(StringBuilder text, TableWriteRequest request, string changesetBoundary)
    {
        text.Append("--").Append(changesetBoundary).Append(Crlf)
            .Append("Content-Type: application/http").Append(Crlf)
            .Append("Content-Transfer-Encoding: binary").Append(Crlf)
            .Append(Crlf)
            .Append(request.Method).Append(' ').Append(request.Uri.OriginalString).Append(" HTTP/1.1").Append(Crlf);
        AppendHeader(text, "Accept", TableHttp.MinimalMetadata);
        AppendHeader(text, "DataServiceVersion", TableHttp.DataServiceVersion);
        if (request.Body is not null)
        {
            AppendHeader(text, "Content-Type", TableHttp.JsonContentType);
        }

        if (request.PreferNoContent)
        {
            AppendHeader(text, TableHttp.PreferHeader, TableHttp.ReturnNoContent);
        }

        if (request.IfMatch is not null)
        {
            AppendHeader(text, "If-Match", request.IfMatch);
        }

        // The serializer escapes every non-ASCII character, so the JSON is one ASCII line whatever the entity holds.
        text.Append(Crlf).Append(request.Body is null ? string.Empty : Encoding.UTF8.GetString(request.Body)).Append(Crlf);
    }

    private static void AppendHeader(StringBuilder text, string name, string value) =>
        text.Append(name).Append(": ").Append(value).Append(Crlf);
}
