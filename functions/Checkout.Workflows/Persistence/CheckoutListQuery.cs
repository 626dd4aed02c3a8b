namespace Checkout.Workflows.Persistence;

/// <summary>What to list: one merchant's checkouts (or, for operators, every merchant's: a null merchant), optionally
/// in some statuses, created in [from, to), and with one merchant reference (exact).</summary>
/// <param name="Statuses">API status names (<c>completed</c>, ...); empty for any.</param>
/// <param name="PageSize">At most this many checkouts per page (1 to 1,000, the Table service's page limit).</param>
/// <param name="ContinuationToken">Where the previous page stopped, or null for the first page.</param>
public sealed record CheckoutListQuery(
    string? MerchantId,
    IReadOnlyList<string> Statuses,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    int PageSize,
    string? ContinuationToken,
    string? MerchantReference = null);
