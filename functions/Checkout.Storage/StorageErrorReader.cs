using System.Text.Json;
using System.Xml;

namespace Checkout.Storage;

/// <summary>
/// Turns a failed response into <see cref="StorageRequestFailedException"/>. The error code comes from
/// <c>x-ms-error-code</c> when present, else from the body: XML <c>&lt;Error&gt;&lt;Code&gt;</c> (queues) or JSON
/// <c>odata.error.code</c> (tables). A body that is neither still yields status and code.
/// </summary>
internal static class StorageErrorReader
{
    public static async Task<StorageRequestFailedException> CreateExceptionAsync(HttpResponseMessage response, string operationKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (bodyCode, message) = ParseBody(body);
        var headerCode = response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;
        var code = string.IsNullOrEmpty(headerCode) ? bodyCode : headerCode;
        return new StorageRequestFailedException((int)response.StatusCode, code, operationKind, message ?? response.ReasonPhrase);
    }

    internal static (string? Code, string? Message) ParseBody(string body)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.StartsWith("<"))
        {
            return ParseXml(body);
        }

        return trimmed.StartsWith("{") ? ParseJson(body) : (null, null);
    }

    private static (string? Code, string? Message) ParseXml(string body)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            string? code = null, message = null;
            reader.MoveToContent();
            while (!reader.EOF)
            {
                // ReadElementContentAsString already moves past the element, so only Read() on other nodes.
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Code")
                {
                    code = reader.ReadElementContentAsString();
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Message")
                {
                    message = FirstLine(reader.ReadElementContentAsString());
                }
                else
                {
                    reader.Read();
                }
            }

            return (code, message);
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }

    private static (string? Code, string? Message) ParseJson(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("odata.error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) ? JsonMessage(m) : null;
            return (code, message is null ? null : FirstLine(message));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? JsonMessage(JsonElement message) => message.ValueKind switch
    {
        JsonValueKind.String => message.GetString(),
        JsonValueKind.Object when message.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
        _ => null,
    };

    // Service messages append "RequestId:..." and "Time:..." lines; the first line is the human part.
    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? trimmed : trimmed[..newline]).TrimEnd('\r');
    }
}
