using System.Globalization;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;

namespace Checkout.Functions.Api;

/// <summary>
/// Reads the list's query parameters (<c>status</c>, <c>createdFrom</c>, <c>createdTo</c>, <c>top</c>,
/// <c>continuationToken</c> or the <c>x-ms-continuation-token</c> header, as Durable's list API takes it) into a
/// <see cref="CheckoutListQuery"/>, or the list of every bad parameter, each named.
/// </summary>
internal static class CheckoutListQueryParser
{
    public const string ContinuationHeader = "x-ms-continuation-token";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>The Table service stores no date before 1601; later than 9999 does not parse anyway.</summary>
    private static readonly DateTimeOffset MinDate = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlySet<string> KnownStatuses { get; } =
        Enum.GetValues<CheckoutPhase>().Select(p => p.ToStatus()).ToHashSet(StringComparer.Ordinal);

    public static (CheckoutListQuery? Query, IReadOnlyList<ApiFieldError> Errors) Parse(HttpRequest request, string merchantId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ApiFieldError>();
        var query = request.Query;
        var statuses = Statuses(Single(query, "status", errors), errors);
        var from = Date(Single(query, "createdFrom", errors), "createdFrom", errors);
        var to = Date(Single(query, "createdTo", errors), "createdTo", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors.Add(new ApiFieldError("createdTo", "Must be later than createdFrom."));
        }

        var top = Top(Single(query, "top", errors), errors);
        var token = Token(Single(query, "continuationToken", errors), request.Headers[ContinuationHeader], errors);
        return errors.Count > 0
            ? (null, errors)
            : (new CheckoutListQuery(merchantId, statuses, from, to, top, token), errors);
    }

    private static string? Single(IQueryCollection query, string name, List<ApiFieldError> errors)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            errors.Add(new ApiFieldError(name, "Give it once."));
            return null;
        }

        return values.Count == 0 ? null : values[0];
    }

    private static List<string> Statuses(string? text, List<ApiFieldError> errors)
    {
        if (text is null)
        {
            return [];
        }

        var statuses = text.Split(',', StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = statuses.Where(s => !KnownStatuses.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new ApiFieldError("status", $"Unknown status '{string.Join("', '", unknown)}'; use one or more (comma-separated) of {string.Join(", ", KnownStatuses.Order(StringComparer.Ordinal))}."));
        }

        return statuses;
    }

    private static DateTimeOffset? Date(string? text, string name, List<ApiFieldError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) || date < MinDate)
        {
            errors.Add(new ApiFieldError(name, $"'{text}' is not an ISO 8601 date-time after 1601, e.g. 2026-11-22T00:00:00Z."));
            return null;
        }

        return date.ToUniversalTime();
    }

    private static int Top(string? text, List<ApiFieldError> errors)
    {
        if (text is null)
        {
            return DefaultPageSize;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top) || top is < 1 or > MaxPageSize)
        {
            errors.Add(new ApiFieldError("top", $"Must be a whole number from 1 to {MaxPageSize}."));
            return DefaultPageSize;
        }

        return top;
    }

    private static string? Token(string? fromQuery, string? fromHeader, List<ApiFieldError> errors)
    {
        if (fromQuery is not null && fromHeader is not null && fromQuery != fromHeader)
        {
            errors.Add(new ApiFieldError("continuationToken", $"The query parameter and the {ContinuationHeader} header disagree; send one."));
            return null;
        }

        var token = fromQuery ?? fromHeader;
        if (token is { Length: 0 or > 2048 })
        {
            errors.Add(new ApiFieldError("continuationToken", "Must be a token from a previous page."));
            return null;
        }

        return token;
    }
}
