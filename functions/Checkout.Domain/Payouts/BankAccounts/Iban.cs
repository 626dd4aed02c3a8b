namespace Checkout.Domain.Payouts.BankAccounts;

/// <summary>
/// An International Bank Account Number (ISO 13616): two letters of country, two check digits, then the country's
/// basic bank account number (BBAN) of a fixed length. Valid when its length is the country's and the whole number,
/// moved to put the first four characters last and with letters as 10..35, leaves 1 modulo 97.
/// Lengths from SWIFT's IBAN registry (https://www.swift.com/standards/data-standards/iban-international-bank-account-number).
/// </summary>
public static class Iban
{
    /// <summary>The IBAN countries payouts reach, with the registry's IBAN length.</summary>
    public static readonly IReadOnlyDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AE"] = 23, ["AT"] = 20, ["BE"] = 16, ["CH"] = 21, ["DE"] = 22, ["DK"] = 18, ["ES"] = 24, ["FI"] = 18,
        ["FR"] = 27, ["GB"] = 22, ["GR"] = 27, ["IE"] = 22, ["IT"] = 27, ["LU"] = 20, ["NL"] = 18, ["NO"] = 15,
        ["PK"] = 24, ["PL"] = 28, ["PT"] = 25, ["SA"] = 24, ["SE"] = 24,
    };

    /// <summary>Spaces removed and letters upper-cased, as IBANs are often written in groups of four.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Concat(text.Where(c => c != ' ')).ToUpperInvariant();
    }

    /// <summary>Null when <paramref name="iban"/> (normalized) is a valid IBAN of <paramref name="country"/>; otherwise why not.</summary>
    public static string? Check(string iban, string country)
    {
        ArgumentNullException.ThrowIfNull(iban);
        if (!Lengths.TryGetValue(country, out var length))
        {
            return $"{country} bank accounts are not paid by IBAN.";
        }

        if (iban.Length < 4 || !iban.StartsWith(country, StringComparison.Ordinal))
        {
            return $"Must be a {country} IBAN, starting with {country}.";
        }

        if (iban.Length != length)
        {
            return $"A {country} IBAN has {length} characters; this one has {iban.Length}.";
        }

        if (!iban.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return "Must be letters and digits only, with two check digits after the country.";
        }

        return Mod97(iban[4..] + iban[..4]) == 1 ? null : "The check digits do not match (ISO 13616 mod-97): a character is wrong.";
    }

    /// <summary>The number with letters as 10..35, modulo 97, computed digit by digit (it is far longer than a long).</summary>
    public static int Mod97(string rearranged)
    {
        ArgumentNullException.ThrowIfNull(rearranged);
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }

        return remainder;
    }

    /// <summary>The IBAN of <paramref name="country"/> with <paramref name="bban"/>: its check digits computed, as the
    /// sandbox documents its test accounts.</summary>
    public static string Compose(string country, string bban)
    {
        var check = 98 - Mod97(bban + country + "00");
        return $"{country}{check:00}{bban}";
    }
}
