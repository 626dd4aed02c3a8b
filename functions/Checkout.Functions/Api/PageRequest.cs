using System.Globalization;
using System.Text.Json;

namespace Checkout.Functions.Api;

/// <summary>
/// The paging half of every list's query: <c>limit</c> (1-100, a default per list) and <c>cursor</c> (exactly the
/// previous page's <c>nextCursor</c>, see <see cref="ListCursor"/>). Read it after the list's filters, with their parsed
/// values, so a cursor is taken back only under the filters that issued it; a bad one of either is failed on the
/// <see cref="QueryReader"/>, named, beside any bad filter. <see cref="PagedListResponse"/> writes the page.
/// </summary>
/// <param name="List">The list's name, e.g. <c>checkouts</c>; a cursor of another list is refused.</param>
/// <param name="After">Where the list resumes (the list's own position inside the cursor), or null for the first page.</param>
internal sealed record PageRequest(string List, string Scope, int Limit, string? After)
{
    public const string LimitParameter = "limit";
    public const string CursorParameter = "cursor";
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <param name="merchantId">Part of the scope: one merchant's cursor never resumes another's list.</param>
    /// <param name="filters">The list's filters as parsed (null when absent), in a fixed order: part of the scope.</param>
    public static PageRequest Read(QueryReader reader, string list, string merchantId, IEnumerable<string?> filters, int defaultLimit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var scope = JsonSerializer.Serialize<string?[]>([list, merchantId, .. filters]);
        var limit = ReadLimit(reader.Single(LimitParameter), defaultLimit, reader);
        var cursor = reader.Single(CursorParameter);
        if (cursor is null)
        {
            return new PageRequest(list, scope, limit, null);
        }

        var (after, refusal) = ListCursor.Read(cursor, list, scope);
        if (refusal is not null)
        {
            reader.Fail(CursorParameter, refusal);
        }

        return new PageRequest(list, scope, limit, after);
    }

    /// <summary>The 400 for a cursor whose inner position the list's store could not read (one altered by hand).</summary>
    public static ApiResponse BadCursor() =>
        ApiProblems.BadQuery([new ApiFieldError(CursorParameter, ListCursor.NotIssued)]);

    /// <summary>The cursor of the page after this one, resuming at <paramref name="after"/>; null when the list has ended.</summary>
    public string? NextCursor(string? after) => after is null ? null : ListCursor.Issue(List, Scope, after);

    private static int ReadLimit(string? text, int defaultLimit, QueryReader reader)
    {
        if (text is null)
        {
            return defaultLimit;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxLimit)
        {
            reader.Fail(LimitParameter, $"Must be a whole number from 1 to {MaxLimit}.");
            return defaultLimit;
        }

        return limit;
    }
}
