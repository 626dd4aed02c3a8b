namespace Checkout.Domain.Payouts.BankAccounts;

/// <summary>What a merchant gave to identify its bank account, as given (null where absent); which fields a country
/// needs is <see cref="BankAccountSchema"/>'s to say.</summary>
public sealed record BankAccountFields(
    string? Iban = null,
    string? Bic = null,
    string? CardNumber = null,
    string? BankName = null,
    string? BankCode = null,
    string? BranchCode = null,
    string? AccountNumber = null,
    string? RoutingNumber = null);

/// <summary>One bad or missing field, named as the request names it (e.g. <c>iban</c>).</summary>
public sealed record BankAccountProblem(string Field, string Message);
