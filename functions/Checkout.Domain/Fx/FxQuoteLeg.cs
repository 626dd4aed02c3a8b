using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>
/// The locked rate for one source currency of a quote. Rates are target units per source unit.
/// <paramref name="ClientRate"/> is the mid rate moved against the customer by the spread:
/// <c>ClientRate = MidRate × (1 + SpreadBps / 10 000)</c>. Source is the merchant's price currency and target the
/// currency the buyer pays in, so "against the customer" means more target units per source unit.
/// </summary>
public sealed record FxQuoteLeg(CurrencyCode Source, decimal MidRate, decimal ClientRate, int SpreadBps)
{
    /// <summary>The leg of a currency converted into itself: rate 1, no spread.</summary>
    public static FxQuoteLeg Identity(CurrencyCode currency) => new(currency, 1m, 1m, 0);

    public static FxQuoteLeg WithSpread(CurrencyCode source, decimal midRate, int spreadBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(midRate);
        ArgumentOutOfRangeException.ThrowIfNegative(spreadBps);
        // One multiplication by an exact factor (1.005 for 50 bps): a single rounding in the 28th digit, no more.
        return new FxQuoteLeg(source, midRate, checked(midRate * (1m + (spreadBps / 10_000m))), spreadBps);
    }
}
