namespace Checkout.Domain.LandedCosts;

/// <summary>Charges that land on the buyer besides duty and tax, as a share of the goods value.</summary>
internal static class FeeAssessor
{
    public static IEnumerable<LandedCostLine> Assess(LandedCostContext context)
    {
        var goods = context.Priced.Goods;
        return context.Destination.Fees
            .Where(f => f.Rule.AppliesOn(context.Request.Day))
            .Select(fee => new LandedCostLine(
                LandedCostLineKind.Fee,
                $"{fee.Description} {LandedCostContext.Percent(fee.RateOfGoods)} of goods",
                LandedCostContext.Round(goods * fee.RateOfGoods),
                fee.Rule.ToReference(),
                fee.Collection,
                Base: goods,
                Rate: fee.RateOfGoods));
    }
}
