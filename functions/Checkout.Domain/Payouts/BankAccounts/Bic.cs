namespace Checkout.Domain.Payouts.BankAccounts;

/// <summary>A SWIFT/BIC business identifier code (ISO 9362): 4 letters of institution, 2 letters of country, 2 letters or
/// digits of location, and optionally 3 letters or digits of branch (8 or 11 characters).</summary>
public static class Bic
{
    /// <summary>Null when <paramref name="bic"/> is a well-formed BIC of a bank in <paramref name="country"/>; otherwise why not.</summary>
    public static string? Check(string bic, string country)
    {
        ArgumentNullException.ThrowIfNull(bic);
        if (bic.Length is not (8 or 11)
            || !bic[..4].All(char.IsAsciiLetterUpper)
            || !bic[4..6].All(char.IsAsciiLetterUpper)
            || !bic[6..].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            return "Must be an ISO 9362 BIC: 8 or 11 characters, e.g. BKCHMOMX or BKCHMOMXXXX.";
        }

        return bic[4..6] == country ? null : $"Must be a BIC of a bank in {country}; this one's country is {bic[4..6]}.";
    }
}
