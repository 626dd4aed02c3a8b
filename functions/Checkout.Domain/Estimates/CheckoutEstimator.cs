using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Sanctions;

namespace Checkout.Domain.Estimates;

/// <summary>
/// "Estimate this cart to this destination at this time": the whole pre-checkout pipeline in one pure call, in the
/// order the workflow runs it — sanctions, customs admissibility, an FX quote covering the price and rate-card
/// currencies, logistics (ranked in the presentment currency with that quote), then the landed cost with the chosen
/// option. The first step that says no decides the rejection. The rules are read for the UTC calendar day of
/// <c>at</c>.
/// </summary>
public sealed class CheckoutEstimator
{
    private static readonly Lazy<CheckoutEstimator> Embedded = new(() =>
    {
        var files = EmbeddedReferenceData.Instance;
        var rates = new ReferenceDataFxRateSource(files);
        return new CheckoutEstimator(
            new FxQuoter(rates, FxSpreadPolicyLoader.Load(files), new FxQuoteOptions()),
            rates,
            SanctionsScreener.Default,
            LogisticsPlanner.Default,
            LandedCostCalculator.Default);
    });

    private readonly FxQuoter quoter;
    private readonly IFxRateSource rates;
    private readonly SanctionsScreener sanctions;
    private readonly LogisticsPlanner logistics;
    private readonly LandedCostCalculator landedCosts;
    private readonly CustomsScreener screener;
    private readonly Func<ShippingOption, ShippingChannel> channelOf;

    /// <param name="channelOf">Whether an option travels by courier or by post (Canada's thresholds differ).
    /// <see cref="ShippingOption"/> does not say yet, so by default every option counts as courier.</param>
    public CheckoutEstimator(
        FxQuoter quoter,
        IFxRateSource rates,
        SanctionsScreener sanctions,
        LogisticsPlanner logistics,
        LandedCostCalculator landedCosts,
        Func<ShippingOption, ShippingChannel>? channelOf = null)
    {
        this.quoter = quoter ?? throw new ArgumentNullException(nameof(quoter));
        this.rates = rates ?? throw new ArgumentNullException(nameof(rates));
        this.sanctions = sanctions ?? throw new ArgumentNullException(nameof(sanctions));
        this.logistics = logistics ?? throw new ArgumentNullException(nameof(logistics));
        this.landedCosts = landedCosts ?? throw new ArgumentNullException(nameof(landedCosts));
        screener = new CustomsScreener(landedCosts.Rules);
        this.channelOf = channelOf ?? (_ => ShippingChannel.Courier);
    }

    /// <summary>The estimator over the reference data shipped with this assembly.</summary>
    public static CheckoutEstimator Default => Embedded.Value;

    /// <param name="quoteId">Derived by the caller (checkout id + attempt), so estimating again yields the same quote id.</param>
    /// <param name="yearToDateSpend">The buyer's cross-border e-commerce spend this year, where an annual cap applies
    /// (China CBEC); without it the cap is noted as unchecked.</param>
    public EstimateResult Estimate(Cart cart, DateTimeOffset at, string quoteId, Money? yearToDateSpend = null)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (sanctions.Screen(cart.Destination, day) is SanctionsBlocked blocked)
        {
            return new EstimateRejected(blocked.Code, blocked.Detail);
        }

        var screening = screener.Screen(cart, day);
        if (screening is CustomsRejected refused)
        {
            return new EstimateRejected(refused.Code, refused.Detail);
        }

        var sources = cart.Lines.Select(l => l.UnitPrice.Currency).Concat(logistics.RateCardCurrencies(cart.ShipFrom.Country)).Distinct().ToList();
        return quoter.Quote(quoteId, sources, cart.PresentmentCurrency, at) switch
        {
            FxQuoteIssued issued => Price(cart, day, issued.Quote, ((CustomsAdmissible)screening).Flags, yearToDateSpend),
            FxQuoteRefused fxRefused => new EstimateRejected(FxCode(fxRefused.Reason), fxRefused.Detail),
            var other => throw new InvalidOperationException($"Unexpected FX quote result {other}."),
        };
    }

    private EstimateResult Price(Cart cart, DateOnly day, FxQuote quote, IReadOnlyList<CustomsFlag> flags, Money? yearToDateSpend)
    {
        var plan = logistics.Plan(cart, day, quote.Convert);
        if (plan is not ShippingAvailable shipping)
        {
            var noShipping = (LogisticsRejected)plan;
            return new EstimateRejected(noShipping.Code, noShipping.Detail);
        }

        var request = new LandedCostRequest(
            cart, day, quote, rates.GetCurrentRates(), shipping.Chosen.Cost, Channel: channelOf(shipping.Chosen), YearToDateSpend: yearToDateSpend);
        return landedCosts.TryCalculate(request) switch
        {
            LandedCostCalculated priced => new Estimate(quote, priced.LandedCost, shipping.Chosen, shipping.Options, flags),
            LandedCostRejected rejected => new EstimateRejected(rejected.Code, rejected.Detail),
            var other => throw new InvalidOperationException($"Unexpected landed-cost outcome {other}."),
        };
    }

    private static string FxCode(FxQuoteRefusalReason reason) => reason switch
    {
        FxQuoteRefusalReason.UnsupportedCurrency => "fx.unsupported_currency",
        FxQuoteRefusalReason.MissingRate => "fx.missing_rate",
        FxQuoteRefusalReason.StaleRates => "fx.stale_rates",
        _ => "fx.quote_refused",
    };
}
