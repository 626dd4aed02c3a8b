using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Storage;

/// <summary>
/// Builds the SharedKey <c>Authorization</c> header. Queue requests use the full form (standard headers,
/// canonicalized x-ms-* headers, every query parameter); table requests use the table form (Content-MD5,
/// Content-Type, date, resource with only <c>?comp</c>). The resource is "/" + account + the URI's escaped path, which
/// on Azurite's path-style URLs already starts with the account, so the account appears twice: that is what Azurite
/// and the service verify.
/// </summary>
internal sealed class SharedKeySigner
{
    private readonly string _accountName;
    private readonly byte[] _key;

    public SharedKeySigner(StorageConnectionString account)
    {
        _accountName = account.AccountName;
        _key = account.AccountKeyBytes;
    }

    public void Sign(HttpRequestMessage request, StorageService service)
    {
        var stringToSign = service == StorageService.Queue ? QueueStringToSign(request) : TableStringToSign(request);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKey", _accountName + ":" + signature);
    }

    internal string QueueStringToSign(HttpRequestMessage request)
    {
        var content = request.Content?.Headers;
        var length = content?.ContentLength is > 0 and long l ? l.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var sb = new StringBuilder(256)
            .Append(request.Method.Method).Append('\n')
            .Append(ContentHeader(content, "Content-Encoding")).Append('\n')
            .Append(ContentHeader(content, "Content-Language")).Append('\n')
            .Append(length).Append('\n')
            .Append(ContentHeader(content, "Content-MD5")).Append('\n')
            .Append(content?.ContentType?.ToString() ?? string.Empty).Append('\n')
            .Append('\n') // Date: empty, x-ms-date is signed among the canonicalized headers.
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');
        AppendCanonicalizedHeaders(sb, request);
        sb.Append('/').Append(_accountName).Append(RequestUri(request).AbsolutePath);
        AppendCanonicalizedQuery(sb, RequestUri(request));
        return sb.ToString();
    }

    internal string TableStringToSign(HttpRequestMessage request)
    {
        var content = request.Content?.Headers;
        var uri = RequestUri(request);
        var sb = new StringBuilder(160)
            .Append(request.Method.Method).Append('\n')
            .Append(ContentHeader(content, "Content-MD5")).Append('\n')
            .Append(content?.ContentType?.ToString() ?? string.Empty).Append('\n')
            .Append(Header(request, "x-ms-date")).Append('\n')
            .Append('/').Append(_accountName).Append(uri.AbsolutePath);
        var comp = QueryParameters(uri).FirstOrDefault(p => p.Name == "comp");
        if (comp.Name is not null)
        {
            sb.Append("?comp=").Append(comp.Value);
        }

        return sb.ToString();
    }

    private static Uri RequestUri(HttpRequestMessage request) =>
        request.RequestUri ?? throw new InvalidOperationException("A storage request needs an absolute RequestUri.");

    private static void AppendCanonicalizedHeaders(StringBuilder sb, HttpRequestMessage request)
    {
        var headers = request.Headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value.Select(v => v.Trim()))))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedQuery(StringBuilder sb, Uri uri)
    {
        var groups = QueryParameters(uri)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var values = group.Select(p => p.Value).Order(StringComparer.Ordinal);
            sb.Append('\n').Append(group.Key).Append(':').Append(string.Join(",", values));
        }
    }

    /// <summary>Query parameters with lower-cased names and unescaped values, as the canonicalized resource wants them.</summary>
    internal static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            yield return (name, value);
        }
    }

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;

    private static string ContentHeader(HttpContentHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
