using System.Globalization;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;

namespace Checkout.Functions.Api;

/// <summary>
/// Reads the list's query parameters (<c>merchantReference</c>, <c>status</c>, <c>createdFrom</c>, <c>createdTo</c>, and
/// <c>limit</c> and <c>cursor</c> as every list takes them) into a <see cref="CheckoutListQuery"/> and its
/// <see cref="PageRequest"/>, or a 400 naming every bad parameter and every one it does not know.
/// </summary>
internal static class CheckoutListQueryParser
{
    public const string ListName = "checkouts";

    /// <summary>The Table service stores no date before 1601; later than 9999 does not parse anyway.</summary>
    private static readonly DateTimeOffset MinDate = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlySet<string> KnownStatuses { get; } =
        Enum.GetValues<CheckoutPhase>().Select(p => p.ToStatus()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The query and its page, or the 400 naming every bad or unknown parameter.</summary>
    public static (CheckoutListQuery? Query, PageRequest? Page, ApiResponse? Problem) Parse(HttpRequest request, string merchantId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Parse(new QueryReader(request.Query), merchantId, merchantId);
    }

    /// <summary>An operator's list: every merchant's checkouts, or one merchant's with <c>merchantId</c>; the same
    /// filters otherwise. Its cursors are the operators' own.</summary>
    public static (CheckoutListQuery? Query, PageRequest? Page, ApiResponse? Problem) ParseForOperator(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = new QueryReader(request.Query);
        var merchantId = reader.Single("merchantId");
        if (merchantId is not null && (merchantId.Trim().Length == 0 || merchantId.Length > 100))
        {
            reader.Fail("merchantId", "Must be a merchant id (at most 100 characters).");
        }

        return Parse(reader, "operator:" + merchantId, merchantId);
    }

    private static (CheckoutListQuery? Query, PageRequest? Page, ApiResponse? Problem) Parse(QueryReader reader, string scope, string? merchantId)
    {
        var statuses = Statuses(reader.Single("status"), reader);
        var from = Date(reader.Single("createdFrom"), "createdFrom", reader);
        var to = Date(reader.Single("createdTo"), "createdTo", reader);
        if (from is not null && to is not null && from >= to)
        {
            reader.Fail("createdTo", "Must be later than createdFrom.");
        }

        var reference = Reference(reader.Single("merchantReference"), reader);
        var page = PageRequest.Read(reader, ListName, scope, [string.Join(',', statuses.Order(StringComparer.Ordinal)), Iso(from), Iso(to), reference]);
        return reader.Problem() is { } problem
            ? (null, null, problem)
            : (new CheckoutListQuery(merchantId, statuses, from, to, page.Limit, page.After, reference), page, null);
    }

    private static string? Iso(DateTimeOffset? date) => date?.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An exact merchant reference, as a checkout's start gave it.</summary>
    private static string? Reference(string? text, QueryReader reader)
    {
        if (text is not null && (text.Trim().Length == 0 || text.Length > CartRequestParser.MerchantReferenceMaxLength))
        {
            reader.Fail("merchantReference", $"Must be a non-blank string of at most {CartRequestParser.MerchantReferenceMaxLength} characters.");
            return null;
        }

        return text;
    }

    private static List<string> Statuses(string? text, QueryReader reader)
    {
        if (text is null)
        {
            return [];
        }

        var statuses = text.Split(',', StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = statuses.Where(s => !KnownStatuses.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            reader.Fail("status", $"Unknown status '{string.Join("', '", unknown)}'; use one or more (comma-separated) of {string.Join(", ", KnownStatuses.Order(StringComparer.Ordinal))}.");
        }

        return statuses;
    }

    private static DateTimeOffset? Date(string? text, string name, QueryReader reader)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) || date < MinDate)
        {
            reader.Fail(name, $"'{text}' is not an ISO 8601 date-time after 1601, e.g. 2026-11-22T00:00:00Z.");
            return null;
        }

        return date.ToUniversalTime();
    }
}
