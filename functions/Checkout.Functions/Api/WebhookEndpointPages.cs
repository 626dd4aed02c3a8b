using System.Globalization;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary>
/// Pages the webhook endpoints list. It is short (at most <see cref="WebhookEndpointHandlers.MaxEndpointsPerMerchant"/>)
/// and shown oldest first, which is not the table's key order, so it is read whole and paged here. The position is the
/// creation time and id of the last endpoint shown rather than an index, so one deleted meanwhile shifts nothing; a
/// cursor is issued only while endpoints remain, so the last page is never an empty one.
/// </summary>
internal static class WebhookEndpointPages
{
    /// <summary>The page after <paramref name="after"/> and where the next one resumes (null on the last page);
    /// null when <paramref name="after"/> is not a position this list gave.</summary>
    public static (IReadOnlyList<WebhookEndpoint> Page, string? After)? Slice(IEnumerable<WebhookEndpoint> endpoints, int limit, string? after)
    {
        var ordered = endpoints.OrderBy(e => e.CreatedAt.UtcTicks).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var start = 0;
        if (after is not null)
        {
            if (Parse(after) is not { } last)
            {
                return null;
            }

            start = ordered.FindIndex(e => e.CreatedAt.UtcTicks > last.Ticks || (e.CreatedAt.UtcTicks == last.Ticks && string.CompareOrdinal(e.Id, last.Id) > 0));
            start = start < 0 ? ordered.Count : start;
        }

        var page = ordered.Skip(start).Take(limit).ToList();
        return (page, start + page.Count < ordered.Count ? Position(page[^1]) : null);
    }

    private static string Position(WebhookEndpoint endpoint) =>
        endpoint.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + " " + endpoint.Id;

    private static (long Ticks, string Id)? Parse(string position)
    {
        var space = position.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && long.TryParse(position.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? (ticks, position[(space + 1)..])
            : null;
    }
}
