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

    public string Value { get; }

    public static bool IsWellFormed(string? value) =>
        value is { Length: 3 } && value.All(char.IsAsciiLetterUpper);

    public override string ToString() => Value;
}
