using System.Text.Json;
using Checkout.Domain.Estimates;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payments;
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
            // A checkout captured before ConfirmedAt was recorded was confirmed all the same.
            state.LandedCost is null ? null : LandedCost(state.LandedCost, isEstimate: state.ConfirmedAt is null && state.CaptureId is null),
            state.Shipping is null ? null : Shipping(state.Shipping),
            state.Rejection is null ? null : new RejectionView(state.Rejection.Code, state.Rejection.Detail),
            state.BuyerIdentity is { } identity ? new BuyerIdentityView(identity.Name, identity.IdNumber) : null,
            state.PaymentMethod.ToWire(),
            state.Phase == CheckoutPhase.RequiresAction && state.NextAction is { } action
                ? new NextActionView(action.Type, action.QrCodePayload, action.RedirectUrl, action.ExpiresAt)
                : null,
            state.CaptureId,
            state.PayoutId,
            state.CancelReason,
            state.PaymentAttempts.Count > 0 && state.PaymentAttempts[^1].Decline is { } decline ? PaymentError(decline) : null,
            [.. state.PaymentAttempts.Select(PaymentAttempt)],
            links.StatusQueryGetUri,
            links.ConfirmPostUri,
            links.CancelPostUri,
            links.PaymentPostUri,
            history is null ? null : History(history),
            refunds is { } r ? Amount(r.Refunded) : null,
            refunds is { } list ? [.. list.Refunds.Select(RefundViews.View)] : null,
            livemode);
    }

    /// <summary>
    /// The timeline in the order its events were applied, which is also time order: each timestamp is the event's own,
    /// but never earlier than the one before it. Events carry the clock of whatever produced them (an activity on any
    /// worker, the customs and logistics checks running in parallel, a buyer request stamped by the API), so one applied
    /// after another can carry an earlier time; listing it out of sequence would make the statuses jump back and forth.
    /// </summary>
    public static List<HistoryEventView> History(IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = new List<HistoryEventView>(history.Count);
        foreach (var entry in history.OrderBy(h => h.Sequence))
        {
            var at = events.Count > 0 && events[^1].Timestamp > entry.At ? events[^1].Timestamp : entry.At;
            events.Add(new HistoryEventView(entry.Sequence, entry.EventType, at, entry.Status, entry.Detail));
        }

        return events;
    }

    private static PaymentAttemptView PaymentAttempt(PaymentAttempt attempt) => new(
        attempt.Number,
        attempt.Method.ToWire(),
        attempt.Status switch
        {
            PaymentAttemptStatus.Pending => "pending",
            PaymentAttemptStatus.Captured => "captured",
            PaymentAttemptStatus.Declined => "declined",
            PaymentAttemptStatus.Expired => "expired",
            _ => throw new ArgumentOutOfRangeException(nameof(attempt), attempt.Status, "Unknown payment attempt status."),
        },
        attempt.TokenSuffix,
        attempt.Decline is null ? null : PaymentError(attempt.Decline),
        attempt.At);

    private static PaymentErrorView PaymentError(Rejection decline) => new(decline.Code, decline.Detail);

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
            LandedCost(estimate.LandedCost, isEstimate: true),
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

    public static LandedCostView LandedCost(LandedCost cost, bool isEstimate)
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
            Amount(cost.AmountDueElsewhere),
            isEstimate,
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
