using System.Globalization;

namespace Checkout.Domain.Buyers;

/// <summary>
/// The 18-character citizen identity number of a PRC resident identity card (GB 11643-1999): a 6-digit address code,
/// the 8-digit birth date (YYYYMMDD), a 3-digit sequence number and a check character, the ISO 7064 MOD 11-2 check of
/// the first 17 digits (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the weighted sum modulo 11 indexes "10X98765432").
/// </summary>
public static class ResidentIdentityNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Null when valid; otherwise why not, never repeating the number.</summary>
    public static string? Check(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(number[17]) || number[17] == 'X'))
        {
            return "Must be the 18-character resident identity card number: 17 digits and a check character (a digit or X).";
        }

        if (!DateOnly.TryParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) || born.Year < 1900)
        {
            return "Characters 7 to 14 must be a valid birth date (YYYYMMDD).";
        }

        return CheckCharacterOf(number) == number[17] ? null : "The check character does not match (GB 11643, ISO 7064 MOD 11-2): a character is wrong.";
    }

    /// <summary>The check character of a number's first 17 digits.</summary>
    public static char CheckCharacterOf(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return CheckCharacters[Weights.Select((w, i) => w * (number[i] - '0')).Sum() % 11];
    }
}
