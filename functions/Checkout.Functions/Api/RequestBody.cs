using System.Text.Json;

namespace Checkout.Functions.Api;

/// <summary>A request body read at the edge: its raw bytes (for the idempotency fingerprint) and parsed JSON, or the
/// problem that stops the request (415, 413, 400) before anything is written. What its fields may be is the parsers'
/// business (<see cref="FieldReader"/>), but for POSTs that take none (<see cref="RefuseFieldsAsync"/>).</summary>
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
        return bytes is null ? (null, ApiProblems.PayloadTooLarge(MaxBytes)) : Parse(bytes);
    }

    /// <summary>
    /// For a POST that takes no body: none at all, or an empty JSON object, passes (null); a body with fields answers
    /// 400 naming each as unknown, as every other endpoint names the fields it does not know; and a body that is not a
    /// JSON object answers what <see cref="ReadAsync"/> would. Called before anything is written.
    /// </summary>
    public static async Task<ApiResponse?> RefuseFieldsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return ApiProblems.PayloadTooLarge(MaxBytes);
        }

        var bytes = await ReadLimitedAsync(request.Body, cancellationToken);
        if (bytes is null)
        {
            return ApiProblems.PayloadTooLarge(MaxBytes);
        }

        if (bytes.Length == 0)
        {
            return null;
        }

        if (!IsJson(request.ContentType))
        {
            return ApiProblems.UnsupportedMediaType(request.ContentType);
        }

        var (body, problem) = Parse(bytes);
        if (body is null)
        {
            return problem;
        }

        using (body)
        {
            return new FieldReader(body.Root).Problem();
        }
    }

    public void Dispose() => Document.Dispose();

    private static (RequestBody? Body, ApiResponse? Problem) Parse(byte[] bytes)
    {
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
