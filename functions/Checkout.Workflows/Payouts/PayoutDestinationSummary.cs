using Checkout.Domain.Geography;

namespace Checkout.Workflows.Payouts;

/// <summary>A payout destination as views show it: the account number masked to its last four digits, read without
/// decrypting the number.</summary>
public sealed record PayoutDestinationSummary(string AccountHolderName, string AccountNumberLast4, CountryCode Country);
