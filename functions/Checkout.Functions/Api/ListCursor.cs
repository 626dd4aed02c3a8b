using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Checkout.Functions.Api;

/// <summary>
/// The opaque <c>nextCursor</c> every list hands out: base64url of <c>{"list":..,"scope":..,"after":..}</c>, where
/// <c>after</c> is the list's own position (a table continuation token, or the last key shown) and <c>scope</c> a hash of
/// the list, the merchant and the filters it was issued under. A cursor comes back only to the list and filters that
/// issued it: another list's cursor, or one sent with changed filters, is refused rather than silently resuming a
/// different query at a position that means something else there. The hash is a binding, not a signature: a client that
/// forges one can only page its own partition, which every list's query is confined to anyway.
/// </summary>
internal static class ListCursor
{
    private const string ListName = "list";
    private const string ScopeName = "scope";
    private const string AfterName = "after";

    public const string NotIssued = "Not a cursor this API issued; pass the nextCursor of the previous page unchanged.";

    /// <summary>Longer than any cursor issued (a table token is two keys of at most 1 KiB each), so nothing larger is decoded.</summary>
    public const int MaxLength = 8192;

    public static string Issue(string list, string scope, string after)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(ListName, list);
            writer.WriteString(ScopeName, Hash(scope));
            writer.WriteString(AfterName, after);
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <summary>The position the cursor resumes at, or the reason it is refused (named for the <c>cursor</c> parameter).</summary>
    public static (string? After, string? Refusal) Read(string cursor, string list, string scope)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Length is 0 or > MaxLength || !Base64Url.IsValid(cursor))
        {
            return (null, NotIssued);
        }

        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor));
            var root = json.RootElement;
            var issuedBy = root.GetProperty(ListName).GetString();
            var issuedUnder = root.GetProperty(ScopeName).GetString();
            var after = root.GetProperty(AfterName).GetString();
            if (issuedBy != list)
            {
                return (null, $"This cursor belongs to another list ({issuedBy}); pass the nextCursor of this list's previous page.");
            }

            if (issuedUnder != Hash(scope))
            {
                return (null, "This cursor was issued for other filters; send the filters of the page that gave it, or start again without a cursor.");
            }

            return string.IsNullOrEmpty(after) ? (null, NotIssued) : (after, null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, NotIssued);
        }
    }

    private static string Hash(string scope) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)).AsSpan(0, 12));
}
