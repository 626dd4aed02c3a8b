using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>Checks a destination's value caps (China CBEC: CNY 5,000 per order, CNY 26,000 per calendar year, both
/// "up to"). An order over the per-order cap is refused unless it is one indivisible item, which the rules let through
/// at full duty and tax (the value bands take care of that). The annual cap needs the buyer's year-to-date spend: when
/// it is not given, the cap cannot be checked and the landed cost says so. Above a cap the goods would be general
/// trade (declared by a registered importer at full duty and tax), which this checkout does not declare: it refuses,
/// and says so.</summary>
internal static class SpendLimitCheck
{
    /// <param name="annualSpend">What this order adds to the buyer's annual total where an annual cap applies (the
    /// value measured against it, in the destination's currency), else null.</param>
    public static LandedCostRejected? Check(LandedCostContext context, List<string> notes, out Money? annualSpend)
    {
        annualSpend = null;
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

            if (limit.Period == SpendLimitPeriod.PerCalendarYear)
            {
                annualSpend = value;
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
                $"Order value {value} exceeds the per-order limit {limit.Ceiling} {value.Currency} ({limit.Rule.Id}); only a single indivisible item may exceed it. "
                + "Several items above it would be general trade, declared by a registered importer at full duty and tax, which this checkout does not do: split the order.");
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
        if (!limit.Ceiling.Admits(after.Amount))
        {
            return new LandedCostRejected(
                CustomsCodes.AnnualLimitExceeded,
                $"The buyer's year-to-date orders on this platform {spentInDestination} plus this order {value} is {after}, over the annual limit {limit.Ceiling} {value.Currency} ({limit.Rule.Id}). "
                + "Above it the goods are general trade, declared by a registered importer at full duty and tax, which this checkout does not do.");
        }

        notes.Add($"{limit.Rule.Id}: the annual limit {limit.Ceiling} {value.Currency} was checked against the buyer's year-to-date orders on this platform, {spentInDestination}; with this order's {value} that makes {after}.");
        return null;
    }
}
