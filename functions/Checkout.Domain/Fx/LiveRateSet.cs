using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>
/// Builds the rate set quotes use from what the feeds published: every ECB reference rate as it is, and from the
/// supplementary feed only the currencies the ECB does not publish (PKR, MOP, AED, ...), restated per euro through the
/// ECB's own rate for the feed's base: <c>unitsPerEuro(X) = unitsPerBase(X) × unitsPerEuro(base)</c>. The euro stays the
/// one base of every rate, and the ECB the one authority for the currencies it publishes.
/// </summary>
public static class LiveRateSet
{
    /// <summary>Restated rates keep six decimal places: more than either publisher gives, less than a decimal holds.</summary>
    private const int RestatedDecimals = 6;

    /// <param name="supplementarySource">The feed's address (without credentials), recorded as each restated rate's source.</param>
    /// <exception cref="ReferenceDataException">The feed's base has no ECB rate.</exception>
    public static ExchangeRateSet Combine(IReadOnlyList<EuroRate> ecb, FeedRates supplementary, string supplementarySource)
    {
        ArgumentNullException.ThrowIfNull(ecb);
        ArgumentNullException.ThrowIfNull(supplementary);
        var ecbRates = ecb.ToDictionary(r => r.Currency);
        var basePerEuro = supplementary.Base == CurrencyCode.Eur ? 1m
            : ecbRates.TryGetValue(supplementary.Base, out var baseRate) ? baseRate.UnitsPerEuro
            : throw new ReferenceDataException(supplementarySource, "base", $"{supplementary.Base} has no ECB rate to restate the feed per euro");
        var asOf = DateOnly.FromDateTime(supplementary.Timestamp.UtcDateTime);
        var restated = supplementary.UnitsPerBase
            .Where(pair => pair.Key != CurrencyCode.Eur && !ecbRates.ContainsKey(pair.Key))
            .OrderBy(pair => pair.Key.Value, StringComparer.Ordinal)
            .Select(pair => new EuroRate(pair.Key, Math.Round(pair.Value * basePerEuro, RestatedDecimals), asOf, supplementarySource));
        return new ExchangeRateSet(ecb.Concat(restated));
    }
}
