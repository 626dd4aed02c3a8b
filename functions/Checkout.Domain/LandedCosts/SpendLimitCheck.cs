using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>Checks a destination's value caps (China CBEC: CNY 5,000 per order, CNY 26,000 per calendar year, both
/// "up to"). An order over the per-order cap is refused unless it is one indivisible item, which the rules let through
/// at full duty and tax (the value bands take care of that). The annual cap needs the buyer's year-to-date spend: when
/// it is not given, the cap cannot be checked and the landed cost says so.</summary>
internal static class SpendLimitCheck
{
    public static LandedCostRejected? Check(LandedCostContext context, List<string> notes)
    {
        var value = context.Priced.ThresholdValue;
        foreach (var limit in context.Destination.Limits.Where(l => l.Rule.AppliesOn(context.Request.Day)))
        {
            var refusal = limit.Period == SpendLimitPeriod.PerOrder
                ? PerOrder(context, limit, value)
                : PerYear(context, limit, value, notes);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    private static LandedCostRejected? PerOrder(LandedCostContext context, SpendLimit limit, Money value)
    {
        if (limit.Ceiling.Admits(value.Amount))
        {
            return null;
        }

        var lines = context.Request.Cart.Lines;
        var singleItem = lines.Count == 1 && lines[0].Quantity == 1;
        return limit.SingleItemMayExceed && singleItem
            ? null
            : new LandedCostRejected(
                CustomsCodes.OrderLimitExceeded,
                $"Order value {value} exceeds the per-order limit {limit.Ceiling} {value.Currency} ({limit.Rule.Id}); only a single indivisible item may exceed it.");
    }

    private static LandedCostRejected? PerYear(LandedCostContext context, SpendLimit limit, Money value, List<string> notes)
    {
        if (context.Request.YearToDateSpend is not { } spent)
        {
            notes.Add($"{CustomsCodes.LimitNotChecked}: the annual limit {limit.Ceiling} {value.Currency} ({limit.Rule.Id}) was not checked; year-to-date spend unknown.");
            return null;
        }

        var spentInDestination = new Money(ConsignmentPricer.InDestination(context.Request.Rates, spent, value.Currency), value.Currency).RoundToMinorUnits();
        var after = spentInDestination + value;
        return limit.Ceiling.Admits(after.Amount)
            ? null
            : new LandedCostRejected(
                CustomsCodes.AnnualLimitExceeded,
                $"Year-to-date {spentInDestination} plus this order {value} is {after}, over the annual limit {limit.Ceiling} {value.Currency} ({limit.Rule.Id}).");
    }
}
