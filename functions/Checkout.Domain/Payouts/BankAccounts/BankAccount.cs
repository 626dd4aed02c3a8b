namespace Checkout.Domain.Payouts.BankAccounts;

/// <summary>How a country's bank accounts are identified for a payout.</summary>
public enum BankAccountScheme
{
    /// <summary>An IBAN (ISO 13616), with a BIC where the country is outside the SEPA scheme.</summary>
    Iban,

    /// <summary>A US ABA routing number and account number (ACH).</summary>
    UsAch,

    /// <summary>A Chinese bank debit card number (UnionPay, 16-19 digits, Luhn) and its bank's name.</summary>
    ChinaBankCard,

    /// <summary>A Hong Kong bank code, branch code and account number (HKICL clearing codes).</summary>
    HongKongLocal,

    /// <summary>A Macau account number with its bank's BIC (Macau has no IBAN).</summary>
    MacauLocal,
}

/// <summary>
/// A bank account as the payout rail needs it. <see cref="AccountNumber"/> is the whole number (the IBAN, the card
/// number, or the local account number) and leaves the app only in the rail's request; everything shown uses
/// <see cref="Masked"/> or <see cref="Last4"/>. The other parts (BIC, bank and branch codes, bank name) identify the bank,
/// not the account, and are shown as they are.
/// </summary>
public sealed record BankAccount(
    BankAccountScheme Scheme,
    string AccountNumber,
    string? Bic = null,
    string? BankCode = null,
    string? BranchCode = null,
    string? BankName = null,
    string? RoutingNumber = null)
{
    public string Last4 => LastFour(AccountNumber);

    /// <summary>The number with all but its last four characters hidden; an IBAN keeps its country and check digits,
    /// which identify no account, e.g. <c>PK36 **** 6702</c>.</summary>
    public string Masked => Scheme == BankAccountScheme.Iban ? $"{AccountNumber[..4]} **** {Last4}" : $"**** {Last4}";

    public static string LastFour(string accountNumber)
    {
        ArgumentNullException.ThrowIfNull(accountNumber);
        return accountNumber.Length <= 4 ? accountNumber : accountNumber[^4..];
    }

    /// <summary>The account's digits only (an IBAN's letters dropped): what the sandbox rail's test triggers match on.</summary>
    public string Digits => string.Concat(AccountNumber.Where(char.IsAsciiDigit));
}
