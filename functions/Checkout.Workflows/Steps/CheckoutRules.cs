using Checkout.Domain.Customs;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Steps;

/// <summary>
/// The domain's cross-border rules behind the workflow's steps: FX, customs and logistics each run as their own
/// activity (customs and logistics in parallel), then landed cost once both have answered.
/// </summary>
public sealed class CheckoutRules(
    FxQuoter quoter,
    IFxRateSource rates,
    CustomsScreener customs,
    LogisticsPlanner logistics,
    LandedCostCalculator landedCost) : ICheckoutRules
{
    /// <summary>Customs and logistics from the reference data shipped with the domain; FX from the app's quoter.</summary>
    public static CheckoutRules FromReferenceData(FxQuoter quoter, IFxRateSource rates)
    {
        var landedCost = LandedCostCalculator.Default;
        return new CheckoutRules(quoter, rates, new CustomsScreener(landedCost.Rules), LogisticsPlanner.Default, landedCost);
    }

    public CheckoutEvent QuoteFx(CheckoutState state, string quoteId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var cart = state.Cart;

        // One leg per currency the landed cost will convert: every line's price currency and the carriers' rate cards.
        var sources = cart.Lines.Select(l => l.UnitPrice.Currency)
            .Concat(logistics.RateCardCurrencies(cart.ShipFrom.Country))
            .Distinct()
            .ToList();
        return quoter.Quote(quoteId, sources, cart.PresentmentCurrency, now) switch
        {
            FxQuoteIssued issued => new FxQuoted(issued.Quote, now),
            FxQuoteRefused refused => new FxQuoteFailed(new Rejection(FxCode(refused.Reason), refused.Detail), now),
            var other => throw new InvalidOperationException($"Unexpected FX quote result {other.GetType().Name}."),
        };
    }

    public CheckoutEvent ScreenCustoms(CheckoutState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return customs.Screen(state.Cart, Day(now)) switch
        {
            CustomsAdmissible ok => new CustomsScreened(null, ok.Flags.Select(f => f.ToString()).ToList(), now),
            CustomsRejected no => new CustomsScreened(new Rejection(no.Code, no.Detail), [], now),
            var other => throw new InvalidOperationException($"Unexpected customs screening {other.GetType().Name}."),
        };
    }

    public CheckoutEvent PlanLogistics(CheckoutState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);

        // Options priced in different currencies are compared in the buyer's currency at today's mid rates.
        var rateSet = rates.GetCurrentRates();
        var target = state.Cart.PresentmentCurrency;
        Money ToComparable(Money cost) =>
            cost.Currency == target || !rateSet.TryGetMidRate(cost.Currency, target, out var mid) ? cost : new Money(cost.Amount * mid, target);
        return logistics.Plan(state.Cart, Day(now), ToComparable) switch
        {
            ShippingAvailable ok => new LogisticsPlanned(ok.Chosen, ok.Options, null, now),
            LogisticsRejected no => new LogisticsPlanned(null, [], new Rejection(no.Code, no.Detail), now),
            var other => throw new InvalidOperationException($"Unexpected logistics assessment {other.GetType().Name}."),
        };
    }

    public CheckoutEvent PriceLandedCost(CheckoutState state, DateTimeOffset now, Money? yearToDate = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var request = new LandedCostRequest(state.Cart, Day(now), state.Quote!, rates.GetCurrentRates(), state.Shipping!.Cost, YearToDateSpend: yearToDate);
        return landedCost.TryCalculate(request) switch
        {
            LandedCostCalculated ok => new LandedCostPriced(ok.LandedCost, now),
            LandedCostRejected no => new LandedCostRefused(new Rejection(no.Code, no.Detail), now),
            var other => throw new InvalidOperationException($"Unexpected landed cost outcome {other.GetType().Name}."),
        };
    }

    private static DateOnly Day(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static string FxCode(FxQuoteRefusalReason reason) => reason switch
    {
        FxQuoteRefusalReason.UnsupportedCurrency => "fx.unsupported_currency",
        FxQuoteRefusalReason.MissingRate => "fx.missing_rate",
        FxQuoteRefusalReason.StaleRates => "fx.stale_rates",
        _ => "fx.refused",
    };
}
