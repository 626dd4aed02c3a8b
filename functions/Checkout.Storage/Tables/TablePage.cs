namespace Checkout.Storage.Tables;

/// <summary>
/// One page of a query. <paramref name="ContinuationToken"/> is opaque; pass it back to
/// <see cref="TableClient.QueryPagesAsync"/> to resume after this page, or <see langword="null"/> after the last page.
/// </summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, string? ContinuationToken);
