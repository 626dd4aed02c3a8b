using Checkout.Domain.Geography;

namespace Checkout.Domain.Payouts;

/// <summary>The merchant's bank account that payouts go to. The account number is kept whole for the rail and only
/// shown masked (<see cref="Last4"/>).</summary>
public sealed record PayoutDestination(string AccountHolderName, string AccountNumber, CountryCode Country)
{
    public string Last4 => AccountNumber.Length <= 4 ? AccountNumber : AccountNumber[^4..];
}
