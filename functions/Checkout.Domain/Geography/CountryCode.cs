namespace Checkout.Domain.Geography;

/// <summary>An ISO 3166-1 alpha-2 country code (two upper-case ASCII letters), e.g. PK, MO, FR.</summary>
public readonly record struct CountryCode
{
    public CountryCode(string value)
    {
        if (!IsWellFormed(value))
        {
            throw new ArgumentException($"'{value}' is not a two-letter upper-case ISO 3166-1 country code.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static bool IsWellFormed(string? value) => value is { Length: 2 } && value.All(char.IsAsciiLetterUpper);

    public override string ToString() => Value;
}
