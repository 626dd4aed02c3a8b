using Checkout.Domain.Carts;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Ledger;

internal static class LedgerSamples
{
    public static readonly DateTimeOffset At = new(2026, 1, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly RuleReference Rule = new("test", new DateOnly(2026, 1, 1), "https://example.test/rule");

    public static LandedCostLine Line(LandedCostLineKind kind, string amount, string currency, CollectionPoint at = CollectionPoint.AtCheckout) =>
        new(kind, kind.ToString(), new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), new CurrencyCode(currency)), Rule, at);

    public static LandedCost Landed(string currency, Incoterm incoterm, params LandedCostLine[] lines) => new(new CurrencyCode(currency), incoterm, lines);

    /// <summary>A settlement quote: <paramref name="midRate"/> presentment units per settlement unit, with a spread.</summary>
    public static FxQuote SettlementQuote(string settlement, string presentment, decimal midRate, int spreadBps) =>
        new("settle-quote", new CurrencyCode(presentment), [FxQuoteLeg.WithSpread(new CurrencyCode(settlement), midRate, spreadBps)],
            At, At.AddMinutes(15), DateOnly.FromDateTime(At.UtcDateTime), "test");

    public static Money Money(string amount, string currency) =>
        new(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), new CurrencyCode(currency));
}
