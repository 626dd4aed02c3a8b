namespace Checkout.Workflows.Persistence;

/// <summary>One page of a checkout list. A page may hold fewer checkouts than asked, even none, and still continue:
/// only a null <see cref="ContinuationToken"/> ends the list.</summary>
public sealed record CheckoutListPage(IReadOnlyList<CheckoutSummary> Checkouts, string? ContinuationToken);
