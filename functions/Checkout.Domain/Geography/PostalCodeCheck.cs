namespace Checkout.Domain.Geography;

/// <summary>The outcome of <see cref="PostalCodeFormats.Validate(CountryCode, string?)"/>.</summary>
/// <param name="Normalized">The postal code trimmed and upper-cased when one was given.</param>
/// <param name="Format">The format on file for the country, null when none is on file.</param>
public sealed record PostalCodeCheck(PostalCodeStatus Status, string? Normalized, PostalCodeFormat? Format)
{
    /// <summary>Whether an address with this result may be shipped to. A code given for a country that has none
    /// (HK, MO, AE) is tolerated: web forms often force buyers to type one, and carriers ignore it.</summary>
    public bool IsAcceptable => Status is PostalCodeStatus.Valid or PostalCodeStatus.NotExpected or PostalCodeStatus.NoFormatOnFile;

    /// <summary>What a buyer should be told, e.g. "FR postal codes look like 75008".</summary>
    public string Describe() => Status switch
    {
        PostalCodeStatus.Valid => $"{Format?.Country} postal code {Normalized} is well formed",
        PostalCodeStatus.Missing => $"{Format?.Country} addresses need a postal code, e.g. {Format?.Example}",
        PostalCodeStatus.NotExpected => $"{Format?.Country} has no postal codes; '{Normalized}' is ignored",
        PostalCodeStatus.Malformed =>
            $"'{Normalized}' is not a {Format?.Country} postal code: expected {Format?.Pattern}, e.g. {Format?.Example}",
        _ => "no postal-code format on file for this country; not checked",
    };
}

public enum PostalCodeStatus
{
    Valid,
    Missing,

    /// <summary>A postal code was given for a country that does not use them; tolerated (see
    /// <see cref="PostalCodeCheck.IsAcceptable"/>).</summary>
    NotExpected,
    Malformed,

    /// <summary>No format on file for the country: not checked, accepted.</summary>
    NoFormatOnFile,
}
