namespace Checkout.Domain.Fx;

/// <summary>Why no quote was issued.</summary>
public enum FxQuoteRefusalReason
{
    /// <summary>A source or target currency is not in <see cref="Monetary.Iso4217"/>: we do not settle in it.</summary>
    UnsupportedCurrency = 1,

    /// <summary>The currency is supported, but the current rate set has no rate for it.</summary>
    MissingRate = 2,

    /// <summary>A rate the quote needs is older than <see cref="FxQuoteOptions.MaxRateAgeDays"/>.</summary>
    StaleRates = 3,
}
