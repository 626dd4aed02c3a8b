namespace Checkout.Domain.Payouts.BankAccounts;

/// <summary>The Luhn (mod 10) check digit of card numbers (ISO/IEC 7812-1), which Chinese bank debit cards carry.</summary>
public static class Luhn
{
    public static bool IsValid(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }
}
