using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>Validation shared by the rate and spread file readers, so both report problems the same way.</summary>
internal static class RateFileChecks
{
    /// <summary>A currency that may carry a rate: well-formed, supported, not the euro (the base) and not seen before
    /// in this rate set.</summary>
    public static CurrencyCode ParseRatedCurrency(string? code, string file, string entry, ISet<CurrencyCode> seen)
    {
        var currency = ParseSupportedCurrency(code, file, entry);
        if (currency == CurrencyCode.Eur)
        {
            throw new ReferenceDataException(file, entry, "EUR is the base of every rate and cannot have a rate itself");
        }

        return seen.Add(currency)
            ? currency
            : throw new ReferenceDataException(file, entry, $"duplicate rate for {currency}");
    }

    public static CurrencyCode ParseSupportedCurrency(string? code, string file, string entry)
    {
        if (!CurrencyCode.TryParse(code, out var currency))
        {
            throw new ReferenceDataException(file, entry, $"'{code}' is not a three-letter upper-case ISO 4217 code");
        }

        return Iso4217.IsSupported(currency)
            ? currency
            : throw new ReferenceDataException(file, entry, $"{currency} is not a supported currency (see Iso4217)");
    }
}
