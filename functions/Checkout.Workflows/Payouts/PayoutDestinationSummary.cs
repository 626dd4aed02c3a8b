using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts.BankAccounts;

namespace Checkout.Workflows.Payouts;

/// <summary>A payout destination as views show it: the account number masked (<paramref name="MaskedAccount"/>, its
/// last four digits), read without decrypting the number; the bank's own identifiers (BIC, bank and branch codes,
/// routing number, bank name) as given.</summary>
public sealed record PayoutDestinationSummary(
    string AccountHolderName,
    CountryCode Country,
    CurrencyCode Currency,
    BankAccountScheme Scheme,
    string MaskedAccount,
    string AccountNumberLast4,
    string? Bic,
    string? BankCode,
    string? BranchCode,
    string? BankName,
    string? RoutingNumber);
