using System.Text.Json;

namespace Checkout.Functions.Api;

/// <summary>A request body read at the edge: its raw bytes (for the idempotency fingerprint) and parsed JSON, or the
/// problem that stops the request (415, 413, 400) before anything is written.</summary>
internal sealed class RequestBody : IDisposable
{
    public const int MaxBytes = 256 * 1024;

    private RequestBody(byte[] bytes, JsonDocument document)
    {
        Bytes = bytes;
        Document = document;
    }

    public byte[] Bytes { get; }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    public static async Task<(RequestBody? Body, ApiResponse? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, ApiProblems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiProblems.PayloadTooLarge(MaxBytes));
        }

        var bytes = await ReadLimitedAsync(request.Body, cancellationToken);
        if (bytes is null)
        {
            return (null, ApiProblems.PayloadTooLarge(MaxBytes));
        }

        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, ApiProblems.MalformedJson("The body must be a JSON object."));
            }

            return (new RequestBody(bytes, document), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.MalformedJson($"Invalid JSON at line {ex.LineNumber}, byte {ex.BytePositionInLine}."));
        }
    }

    public void Dispose() => Document.Dispose();

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Null when the body exceeds the limit (chunked bodies have no Content-Length to check up front).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
