using Checkout.Domain.Geography;

namespace Checkout.Domain.Payouts;

/// <summary>The merchant's bank account that payouts go to. The account number is kept whole for the rail and only
/// shown masked (<see cref="Last4"/>).</summary>
public sealed record PayoutDestination(string AccountHolderName, string AccountNumber, CountryCode Country)
{
    public string Last4 => Last4Of(AccountNumber);

    public static string Last4Of(string accountNumber)
    {
        ArgumentNullException.ThrowIfNull(accountNumber);
        return accountNumber.Length <= 4 ? accountNumber : accountNumber[^4..];
    }
}
