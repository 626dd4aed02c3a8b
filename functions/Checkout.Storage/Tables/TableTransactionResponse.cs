using System.Globalization;

namespace Checkout.Storage.Tables;

/// <summary>
/// Reads the multipart/mixed response of an entity-group transaction (a batch part holding a changeset part holding
/// one application/http part per sub-response; see Azurite tests/table/unit/mock.response.serialization.strings.ts).
/// Tolerates LF-only line endings and text before a status line, since the service and Azurite differ in details.
/// </summary>
internal static class TableTransactionResponse
{
    public static IReadOnlyList<TableSubResponse> Parse(string? contentType, string body)
    {
        var boundary = BoundaryOf(contentType)
            ?? throw new FormatException($"The transaction response is not multipart/mixed with a boundary: '{contentType}'.");
        var responses = new List<TableSubResponse>();
        ReadMultipart(body.ReplaceLineEndings("\n").Split('\n'), boundary, responses);
        return responses;
    }

    internal static string? BoundaryOf(string? contentType)
    {
        if (contentType is null || !contentType.TrimStart().StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var parameter in contentType.Split(';'))
        {
            var pair = parameter.Trim().Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("boundary", StringComparison.OrdinalIgnoreCase))
            {
                return pair[1].Trim().Trim('"');
            }
        }

        return null;
    }

    private static void ReadMultipart(IReadOnlyList<string> lines, string boundary, List<TableSubResponse> into)
    {
        foreach (var part in SplitParts(lines, boundary))
        {
            var (headers, content) = SplitHeaders(part, 0, skipBlankLines: true);
            var type = headers.GetValueOrDefault("content-type") ?? string.Empty;
            if (BoundaryOf(type) is { } nested)
            {
                ReadMultipart(content, nested, into);
            }
            else if (type.StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
            {
                into.Add(ReadHttpResponse(content));
            }
        }
    }

    /// <summary>The lines of each part between "--boundary" delimiters, ignoring the preamble and the epilogue.</summary>
    private static List<List<string>> SplitParts(IReadOnlyList<string> lines, string boundary)
    {
        var delimiter = "--" + boundary;
        var parts = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed == delimiter + "--")
            {
                break;
            }

            if (trimmed == delimiter)
            {
                current = [];
                parts.Add(current);
            }
            else
            {
                current?.Add(line);
            }
        }

        return parts;
    }

    private static (Dictionary<string, string> Headers, List<string> Content) SplitHeaders(List<string> lines, int start, bool skipBlankLines)
    {
        var index = start;
        while (skipBlankLines && index < lines.Count && lines[index].Length == 0)
        {
            index++;
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (; index < lines.Count && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[lines[index][..colon].Trim().ToLowerInvariant()] = lines[index][(colon + 1)..].Trim();
            }
        }

        return (headers, lines.Skip(index + 1).ToList());
    }

    private static TableSubResponse ReadHttpResponse(List<string> lines)
    {
        var statusLine = lines.FindIndex(line => line.StartsWith("HTTP/", StringComparison.Ordinal));
        if (statusLine < 0)
        {
            throw new FormatException("A transaction sub-response has no HTTP status line.");
        }

        var fields = lines[statusLine].Split(' ', 3);
        if (fields.Length < 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException($"Malformed status line in a transaction sub-response: '{lines[statusLine]}'.");
        }

        var (headers, body) = SplitHeaders(lines, statusLine + 1, skipBlankLines: false);
        return new TableSubResponse(status, headers, string.Join('\n', body).Trim());
    }
}
