namespace Checkout.Domain.Customs;

/// <summary>A value cap on a preferential regime (China CBEC: CNY 5,000 per order, CNY 26,000 per person per year),
/// in the destination's currency.</summary>
/// <param name="SingleItemMayExceed">China lets an order of one indivisible item exceed the per-order cap; it then
/// leaves the preferential rates (full duty and tax) but still counts toward the annual total.</param>
public sealed record SpendLimit(RuleProvenance Rule, SpendLimitPeriod Period, ValueCeiling Ceiling, bool SingleItemMayExceed);

public enum SpendLimitPeriod
{
    PerOrder,
    PerCalendarYear,
}
