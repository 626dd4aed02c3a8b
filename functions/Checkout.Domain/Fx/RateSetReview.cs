using System.Globalization;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>
/// Whether a freshly fetched rate set may replace the one in force. A feed that answers well-formed nonsense (a
/// currency dropped, a decimal point slipped, yesterday's file served again) must not reprice every checkout, so such a
/// set is refused with the reason and the previous one stays in force.
/// </summary>
public static class RateSetReview
{
    /// <summary>Null when <paramref name="candidate"/> may be used; else why not, naming the currencies.</summary>
    /// <param name="inForce">The set quotes use now, if any; a sample set is no yardstick for published rates.</param>
    /// <param name="maxMove">The largest relative change of any one rate from <paramref name="inForce"/> (0.2 = 20%).</param>
    public static string? Refusal(ExchangeRateSet candidate, ExchangeRateSet? inForce, decimal maxMove)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var missing = Iso4217.All
            .Select(c => c.Code)
            .Where(c => !candidate.Contains(c))
            .Select(c => c.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            return $"No rate for {string.Join(", ", missing)}, which this product quotes.";
        }

        if (inForce is null || inForce.IsSample)
        {
            return null;
        }

        if (candidate.AsOf < inForce.AsOf)
        {
            return $"The rates are as of {candidate.AsOf:yyyy-MM-dd}, older than those in force (as of {inForce.AsOf:yyyy-MM-dd}).";
        }

        var jumps = candidate.Rates
            .Where(r => inForce.TryGetEuroRate(r.Currency, out _))
            .Select(r => (Rate: r, Previous: inForce.TryGetEuroRate(r.Currency, out var p) ? p.UnitsPerEuro : 0m))
            .Select(x => (x.Rate, x.Previous, Move: Math.Abs((x.Rate.UnitsPerEuro / x.Previous) - 1m)))
            .Where(x => x.Move > maxMove)
            .OrderBy(x => x.Rate.Currency.Value, StringComparer.Ordinal)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Rate.Currency} {x.Previous} → {x.Rate.UnitsPerEuro} per EUR ({x.Move * 100m:0.0}%)"))
            .ToList();
        return jumps.Count == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Rates moved more than {maxMove * 100m:0.#}% from those in force: {string.Join("; ", jumps)}.");
    }
}
