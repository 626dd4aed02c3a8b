using Checkout.Domain.Monetary;

namespace Checkout.Workflows.Merchants;

/// <summary>What the workflow needs to know about a merchant: the currency its balance settles in and is paid out in.</summary>
public sealed record MerchantProfile(string MerchantId, string Name, CurrencyCode SettlementCurrency, DateTimeOffset CreatedAt);
