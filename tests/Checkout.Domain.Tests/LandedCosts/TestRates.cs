using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>
/// Fixed, test-local mid rates chosen so every cross rate is an exact decimal and the arithmetic in scenario comments
/// can be checked by hand. Units per EUR: USD 1.25, GBP 0.80, AUD 1.60, CAD 1.50, CNY 8.00, HKD 10.00, MOP 10.00,
/// PKR 320, SGD 1.60, JPY 160. Hence USD→EUR 0.80, GBP→EUR 1.25, JPY→EUR 0.00625, USD→GBP 0.64, USD→CAD 1.20,
/// USD→AUD 1.28, USD→CNY 6.40, USD→PKR 256, USD→SGD 1.28, GBP→CAD 1.875.
/// </summary>
internal static class TestRates
{
    private static readonly DateOnly AsOf = new(2026, 1, 2);

    public static ExchangeRateSet Mid { get; } = new(new[]
    {
        Rate("USD", 1.25m), Rate("GBP", 0.80m), Rate("AUD", 1.60m), Rate("CAD", 1.50m), Rate("CNY", 8.00m),
        Rate("HKD", 10.00m), Rate("MOP", 10.00m), Rate("PKR", 320m), Rate("SGD", 1.60m), Rate("JPY", 160m),
    });

    /// <summary>A quote into <paramref name="target"/> with the given client rates per source currency; sources
    /// without an explicit client rate get the mid rate (no spread).</summary>
    public static FxQuote Quote(CurrencyCode target, IEnumerable<CurrencyCode> sources, IReadOnlyDictionary<string, decimal> clientRates)
    {
        var legs = sources.Where(s => s != target).Distinct().Select(source =>
        {
            var mid = Mid.GetMidRate(source, target);
            var client = clientRates.TryGetValue(source.Value, out var rate) ? rate : mid;
            return new FxQuoteLeg(source, mid, client, 0);
        }).ToList();
        var created = new DateTimeOffset(2026, 1, 2, 12, 0, 0, TimeSpan.Zero);
        return new FxQuote("test-quote", target, legs.Count == 0 ? [FxQuoteLeg.Identity(target)] : legs, created, created.AddMinutes(15), AsOf, "test");
    }

    private static EuroRate Rate(string code, decimal unitsPerEuro) => new(new CurrencyCode(code), unitsPerEuro, AsOf, "test");
}
