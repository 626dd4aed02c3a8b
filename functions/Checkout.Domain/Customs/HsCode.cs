namespace Checkout.Domain.Customs;

/// <summary>
/// A Harmonized System code: the 6-digit WCO subheading, identical in every signatory country, optionally followed by
/// a national extension to 8 or 10 digits (EU CN / TARIC, US HTS). Parsing accepts the dotted form merchants print on
/// invoices ("6109.10", "6109.10.00") and stores digits only; any other character is refused rather than guessed at.
/// Chapters 00 and 77 do not exist in the HS and 98-99 are reserved for national use, so none of them is a WCO code.
/// </summary>
public readonly record struct HsCode
{
    private HsCode(string digits) => Digits = digits;

    /// <summary>The code as digits only, 6, 8 or 10 of them.</summary>
    public string Digits { get; }

    /// <summary>The first 2 digits, e.g. "61" (knitted apparel).</summary>
    public string Chapter => Digits[..2];

    /// <summary>The first 4 digits, e.g. "6109" (T-shirts).</summary>
    public string Heading => Digits[..4];

    /// <summary>The first 6 digits, the WCO subheading countries match on, e.g. "610910".</summary>
    public string Subheading => Digits[..6];

    /// <summary>The digits after the 6th: the national tariff line, empty for a bare WCO code.</summary>
    public string NationalExtension => Digits[6..];

    public static HsCode Parse(string? text) =>
        TryParse(text, out var code, out var reason) ? code : throw new FormatException(reason);

    public static bool TryParse(string? text, out HsCode code) => TryParse(text, out code, out _);

    /// <param name="reason">Why the text is not an HS code, for the customs rejection detail.</param>
    public static bool TryParse(string? text, out HsCode code, out string reason)
    {
        code = default;
        var digits = text?.Replace(".", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        reason = Validate(text, digits);
        if (reason.Length > 0)
        {
            return false;
        }

        code = new HsCode(digits);
        return true;
    }

    /// <summary>True when this code falls under <paramref name="prefix"/> (a chapter, heading or longer prefix).</summary>
    public bool StartsWith(string prefix) => Digits.StartsWith(prefix, StringComparison.Ordinal);

    public override string ToString() => Digits;

    private static string Validate(string? text, string digits)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "HS code is empty";
        }

        if (text.StartsWith('.') || text.EndsWith('.') || text.Contains("..", StringComparison.Ordinal)
            || !digits.All(char.IsAsciiDigit))
        {
            return $"HS code '{text}' must be digits, optionally grouped with single dots";
        }

        if (digits.Length is not (6 or 8 or 10))
        {
            return $"HS code '{text}' has {digits.Length} digits; expected 6 (WCO) or a national 8 or 10";
        }

        return digits[..2] is "00" or "77" or "98" or "99"
            ? $"HS code '{text}' is in chapter {digits[..2]}, which is not a WCO chapter"
            : string.Empty;
    }
}
