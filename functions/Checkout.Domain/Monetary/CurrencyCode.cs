namespace Checkout.Domain.Monetary;

/// <summary>An ISO 4217 alphabetic code (three upper-case ASCII letters). Whether it is a known currency is
/// <see cref="Iso4217"/>'s business; this type only guarantees the shape.</summary>
public readonly record struct CurrencyCode
{
    public CurrencyCode(string value)
    {
        if (!IsWellFormed(value))
        {
            throw new ArgumentException($"'{value}' is not a three-letter upper-case ISO 4217 code.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The euro: the base of the ECB reference rates, through which every cross rate is computed.</summary>
    public static CurrencyCode Eur { get; } = new("EUR");

    public string Value { get; }

    /// <summary>Reads a code from untrusted input (a request, a data file) without throwing.</summary>
    public static bool TryParse(string? value, out CurrencyCode code)
    {
        code = IsWellFormed(value) ? new CurrencyCode(value!) : default;
        return code.Value is not null;
    }

    public static bool IsWellFormed(string? value) =>
        value is { Length: 3 } && value.All(char.IsAsciiLetterUpper);

    public override string ToString() => Value;
}
