namespace Checkout.Workflows.Persistence;

/// <summary>A checkout as a list shows it, read from the state row's queryable columns without its state JSON.</summary>
/// <param name="MerchantReference">Null for checkouts written before the column existed.</param>
public sealed record CheckoutSummary(string Id, string MerchantId, string? MerchantReference, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
