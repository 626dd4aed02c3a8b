namespace Checkout.Domain.Payouts.BankAccounts;

/// <summary>A US ABA routing transit number: 9 digits whose weighted sum (3, 7, 1 repeating) is a multiple of 10
/// (https://www.frbservices.org/).</summary>
public static class AbaRoutingNumber
{
    public static bool IsValid(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        int[] weights = [3, 7, 1];
        return digits.Select((c, i) => (c - '0') * weights[i % 3]).Sum() % 10 == 0;
    }
}
