namespace Checkout.Storage.Tables;

/// <summary>The options of one query, validated once and reused for every page.</summary>
internal sealed record TableQuery(string? Filter, IReadOnlyList<string>? Select, int? MaxPerPage)
{
    /// <summary>The service returns at most 1,000 entities per page whatever $top asks for.</summary>
    public const int MaxPageSize = 1000;

    public static TableQuery Create(string? filter, IEnumerable<string>? select, int? maxPerPage)
    {
        if (maxPerPage is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, $"A page holds 1 to {MaxPageSize} entities.");
        }

        return new TableQuery(string.IsNullOrWhiteSpace(filter) ? null : filter, select?.ToList(), maxPerPage);
    }
}
