using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.LandedCosts;

/// <summary>
/// Prices what the buyer pays to receive a cart: goods, shipping and insurance converted with the FX quote, then the
/// destination's duty and tax on them, then fees, every line citing the rule, its effective date and its source.
/// Duty and tax are computed in the presentment currency on the converted amounts, rounded half away from zero per
/// line; thresholds are measured in the destination's currency at mid rates. Screening runs again first, so a cart
/// customs refuses can never be priced.
/// </summary>
public sealed class LandedCostCalculator
{
    private static readonly Lazy<LandedCostCalculator> Embedded =
        new(() => new LandedCostCalculator(CustomsRuleBookLoader.Load(EmbeddedReferenceData.Instance)));

    private readonly CustomsScreener screener;

    public LandedCostCalculator(CustomsRuleBook rules) => screener = new CustomsScreener(rules);

    /// <summary>Prices with the rule files shipped in this assembly.</summary>
    public static LandedCostCalculator Default => Embedded.Value;

    public CustomsRuleBook Rules => screener.Rules;

    /// <summary>As <see cref="TryCalculate"/>, for callers that have screened the cart already: a refusal here is a bug.</summary>
    public LandedCost Calculate(LandedCostRequest request) =>
        TryCalculate(request) switch
        {
            LandedCostCalculated calculated => calculated.LandedCost,
            LandedCostRejected rejected => throw new InvalidOperationException($"Cannot price the cart: {rejected.Code}: {rejected.Detail}"),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };

    public LandedCostOutcome TryCalculate(LandedCostRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Quote.TargetCurrency != request.Cart.PresentmentCurrency)
        {
            throw new ArgumentException(
                $"Quote {request.Quote.Id} converts into {request.Quote.TargetCurrency}, not the presentment currency {request.Cart.PresentmentCurrency}.",
                nameof(request));
        }

        if (screener.Screen(request.Cart, request.Day) is CustomsRejected rejected)
        {
            return new LandedCostRejected(rejected.Code, rejected.Detail);
        }

        var destination = Rules.ForCountry(request.Cart.Destination.Country)!;
        var codes = request.Cart.Lines.Select(l => HsCode.Parse(l.HsCode)).ToList();
        if (ConsignmentPricer.Price(request, destination, codes, out var priced) is { } refusal)
        {
            return refusal;
        }

        return Price(new LandedCostContext(request, destination, priced!));
    }

    private static LandedCostOutcome Price(LandedCostContext context)
    {
        var notes = new List<string>();
        if (SpendLimitCheck.Check(context, notes, out var annualSpend) is { } refusal)
        {
            return refusal;
        }

        var duty = DutyAssessor.Assess(context);
        var lines = ValueLines(context)
            .Concat(duty.Lines)
            .Concat(TaxAssessor.Assess(context, duty))
            .Concat(FeeAssessor.Assess(context))
            .ToList();
        return new LandedCostCalculated(new LandedCost(context.Currency, context.Request.Cart.Incoterm, lines, notes, annualSpend));
    }

    /// <summary>Goods per cart line, shipping and insurance, each citing the valuation rule that decides whether it
    /// enters the customs value (CIF) or not (FOB).</summary>
    private static IEnumerable<LandedCostLine> ValueLines(LandedCostContext context)
    {
        var valuation = context.Valuation.Rule.ToReference();
        foreach (var priced in context.Priced.Lines)
        {
            yield return new LandedCostLine(
                LandedCostLineKind.Goods,
                $"{priced.Line.Quantity} × {priced.Line.Description} at {priced.Line.UnitPrice}",
                priced.Goods,
                valuation,
                CollectionPoint.AtCheckout,
                priced.Line.Sku);
        }

        yield return new LandedCostLine(LandedCostLineKind.Shipping, "Shipping", context.Priced.Shipping, valuation, CollectionPoint.AtCheckout);
        if (!context.Priced.Insurance.IsZero)
        {
            yield return new LandedCostLine(LandedCostLineKind.Insurance, "Insurance", context.Priced.Insurance, valuation, CollectionPoint.AtCheckout);
        }
    }
}
