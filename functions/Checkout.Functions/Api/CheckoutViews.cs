using System.Text.Json;
using Checkout.Domain.Estimates;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;
using Checkout.Functions.Api.Contracts;
using Checkout.Functions.Api.Refunds;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Refunds;

namespace Checkout.Functions.Api;

/// <summary>Maps domain state to the response contracts. Every amount is <c>{value, currency}</c> in minor units.</summary>
internal static class CheckoutViews
{
    /// <param name="refunds">A completed checkout's refunds (null otherwise) and the amount they gave back.</param>
    public static CheckoutStatusView Status(
        CheckoutState state, CheckoutLinks links, IReadOnlyList<HistoryEntry>? history, (Money Refunded, IReadOnlyList<Refund> Refunds)? refunds, bool livemode)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(links);
        return new CheckoutStatusView(
            state.Id,
            state.MerchantReference,
            state.Phase.ToStatus(),
            state.CreatedAt,
            state.UpdatedAt,
            state.Quote is null ? null : Quote(state.Quote),
            state.LandedCost is null ? null : LandedCost(state.LandedCost),
            state.Shipping is null ? null : Shipping(state.Shipping),
            state.Rejection is null ? null : new RejectionView(state.Rejection.Code, state.Rejection.Detail),
            links.StatusQueryGetUri,
            links.ConfirmPostUri,
            links.CancelPostUri,
            history?.Select(h => new HistoryEventView(h.Sequence, h.EventType, h.At, h.Status, h.Detail)).ToList(),
            refunds is { } r ? Amount(r.Refunded) : null,
            refunds is { } list ? [.. list.Refunds.Select(RefundViews.View)] : null,
            livemode);
    }

    public static CheckoutAccepted Accepted(CheckoutState state, CheckoutLinks links)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(links);
        return new CheckoutAccepted(state.Id, state.Phase.ToStatus(), links.StatusQueryGetUri, links.ConfirmPostUri, links.CancelPostUri);
    }

    public static EstimateView Estimate(Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new EstimateView(
            Quote(estimate.Quote),
            LandedCost(estimate.LandedCost),
            Shipping(estimate.Shipping),
            [.. estimate.ShippingOptions.Select(Shipping)],
            [.. estimate.CustomsFlags.Select(f => f.ToString())]);
    }

    public static QuoteView Quote(FxQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new QuoteView(
            quote.Id,
            quote.Primary.Source.Value,
            quote.TargetCurrency.Value,
            RateText(quote.Primary.ClientRate),
            [.. quote.Legs.Select(l => new QuoteLegView(l.Source.Value, RateText(l.ClientRate), RateText(l.MidRate), l.SpreadBps))],
            quote.CreatedAt,
            quote.ExpiresAt,
            quote.RatesAsOf,
            quote.RateSource,
            quote.Sample);
    }

    /// <summary>An FX rate as a decimal string, every digit kept (a JSON number would be rounded by JavaScript clients).</summary>
    private static string RateText(decimal rate) => rate.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static LandedCostView LandedCost(LandedCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new LandedCostView(
            cost.Currency.Value,
            cost.Incoterm.ToString().ToUpperInvariant(),
            Amount(cost.Goods),
            Amount(cost.Shipping),
            Amount(cost.Insurance),
            Amount(cost.Duty),
            Amount(cost.Tax),
            Amount(cost.Fees),
            Amount(cost.Total),
            Amount(cost.AmountDueAtCheckout),
            cost.IsEstimate,
            [.. cost.Lines.Select(Line)],
            cost.Notes);
    }

    public static ShippingView Shipping(ShippingOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return new ShippingView(
            option.Carrier,
            option.Service,
            Amount(option.Cost),
            new TransitDaysView(option.TransitDaysMin, option.TransitDaysMax),
            option.ChargeableWeightKg,
            option.Flags);
    }

    public static MoneyAmount Amount(Money money) => MoneyAmount.FromMoney(money);

    private static LandedCostLineView Line(LandedCostLine line) => new(
        Snake(line.Kind.ToString()),
        line.Description,
        Amount(line.Amount),
        line.Sku,
        line.Base is { } b ? Amount(b) : null,
        line.Rate,
        Snake(line.CollectedAt.ToString()),
        Rule(line.Rule),
        line.Regime is null ? null : Rule(line.Regime));

    private static RuleView Rule(RuleReference rule) => new(rule.RuleId, rule.EffectiveFrom, rule.SourceUrl, rule.IsIllustrative);

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
