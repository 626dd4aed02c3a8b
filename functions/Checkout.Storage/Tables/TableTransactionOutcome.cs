using System.Globalization;
using System.Text.Json;

namespace Checkout.Storage.Tables;

/// <summary>
/// Turns the sub-responses of a transaction into per-action results, or into a
/// <see cref="TableTransactionFailedException"/>: a rejected changeset answers with one failed sub-response whose
/// error message starts with the zero-based index of the failing action ("1:The specified entity already exists.").
/// </summary>
internal static class TableTransactionOutcome
{
    public static IReadOnlyList<TableTransactionResult> Interpret(IReadOnlyList<TableSubResponse> responses, int actionCount)
    {
        if (responses.FirstOrDefault(response => response.Status >= 300) is { } failure)
        {
            throw Failed(failure);
        }

        if (responses.Count != actionCount)
        {
            throw new FormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"The transaction response holds {responses.Count} sub-responses for {actionCount} actions."));
        }

        return responses
            .Select(response => new TableTransactionResult(
                response.Status,
                response.Headers.TryGetValue("etag", out var etag) ? new ETag(etag) : null))
            .ToList();
    }

    private static TableTransactionFailedException Failed(TableSubResponse failure)
    {
        var (code, message) = ReadODataError(failure.Body);
        var index = IndexFromMessage(message) ?? IndexFromContentId(failure.Headers);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"The transaction was rolled back: action {(index?.ToString(CultureInfo.InvariantCulture) ?? "?")} failed with {failure.Status} {code}: {message}");
        return new TableTransactionFailedException(text, failure.Status, code, index);
    }

    private static (string? Code, string Message) ReadODataError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.GetProperty("odata.error");
            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
            return (code, message ?? body);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not the JSON error shape (an XML or empty body): keep the text so the exception still says something.
            return (null, body);
        }
    }

    private static int? IndexFromMessage(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    /// <summary>Azurite also echoes a one-based Content-ID on the failed part.</summary>
    private static int? IndexFromContentId(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("content-id", out var id)
        && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var contentId) && contentId > 0
            ? contentId - 1
            : null;
}
