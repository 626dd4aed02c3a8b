using System.Text.Json;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;

namespace Checkout.Functions.Api;

/// <summary>The response shapes of checkouts and estimates. Every amount is <c>{value, currency}</c> in minor units.</summary>
internal static class CheckoutViews
{
    public static Dictionary<string, object?> Status(CheckoutState state, CheckoutLinks links, IReadOnlyList<HistoryEntry>? history)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(links);
        var body = new Dictionary<string, object?>
        {
            ["id"] = state.Id,
            ["merchantReference"] = state.MerchantReference,
            ["status"] = state.Phase.ToStatus(),
            ["createdTime"] = state.CreatedAt,
            ["lastUpdatedTime"] = state.UpdatedAt,
            ["quote"] = state.Quote is null ? null : Quote(state.Quote),
            ["landedCost"] = state.LandedCost is null ? null : LandedCost(state.LandedCost),
            ["shipping"] = state.Shipping is null ? null : Shipping(state.Shipping),
            ["rejection"] = state.Rejection is null ? null : new { code = state.Rejection.Code, detail = state.Rejection.Detail },
            ["statusQueryGetUri"] = links.StatusQueryGetUri,
            ["confirmPostUri"] = links.ConfirmPostUri,
            ["cancelPostUri"] = links.CancelPostUri,
        };
        if (history is not null)
        {
            body["historyEvents"] = history.Select(h => new { sequence = h.Sequence, eventType = h.EventType, timestamp = h.At, status = h.Status, detail = h.Detail }).ToList();
        }

        return body;
    }

    public static object Accepted(CheckoutState state, CheckoutLinks links) => new
    {
        id = state.Id,
        status = state.Phase.ToStatus(),
        statusQueryGetUri = links.StatusQueryGetUri,
        confirmPostUri = links.ConfirmPostUri,
        cancelPostUri = links.CancelPostUri,
    };

    public static object Quote(FxQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new
        {
            id = quote.Id,
            from = quote.Primary.Source.Value,
            to = quote.TargetCurrency.Value,
            rate = quote.Primary.ClientRate,
            legs = quote.Legs.Select(l => new { from = l.Source.Value, rate = l.ClientRate, midRate = l.MidRate, spreadBps = l.SpreadBps }).ToList(),
            createdAt = quote.CreatedAt,
            expiresAt = quote.ExpiresAt,
            ratesAsOf = quote.RatesAsOf,
            rateSource = quote.RateSource,
        };
    }

    public static object LandedCost(LandedCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new
        {
            currency = cost.Currency.Value,
            incoterm = cost.Incoterm.ToString().ToUpperInvariant(),
            goods = Amount(cost.Goods),
            shipping = Amount(cost.Shipping),
            insurance = Amount(cost.Insurance),
            duty = Amount(cost.Duty),
            tax = Amount(cost.Tax),
            fees = Amount(cost.Fees),
            total = Amount(cost.Total),
            amountDueAtCheckout = Amount(cost.AmountDueAtCheckout),
            isEstimate = cost.IsEstimate,
            lines = cost.Lines.Select(Line).ToList(),
            notes = cost.Notes,
        };
    }

    public static object Shipping(ShippingOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return new
        {
            carrier = option.Carrier,
            service = option.Service,
            cost = Amount(option.Cost),
            days = new { min = option.TransitDaysMin, max = option.TransitDaysMax },
            chargeableWeightKg = option.ChargeableWeightKg,
            flags = option.Flags,
        };
    }

    public static MoneyAmount Amount(Money money) => MoneyAmount.FromMoney(money);

    private static object Line(LandedCostLine line) => new
    {
        kind = Snake(line.Kind.ToString()),
        description = line.Description,
        amount = Amount(line.Amount),
        sku = line.Sku,
        @base = line.Base is { } b ? Amount(b) : (MoneyAmount?)null,
        rate = line.Rate,
        collectedAt = Snake(line.CollectedAt.ToString()),
        rule = Rule(line.Rule),
        regime = line.Regime is null ? null : Rule(line.Regime),
    };

    private static object Rule(RuleReference rule) => new
    {
        id = rule.RuleId,
        effectiveFrom = rule.EffectiveFrom,
        source = rule.SourceUrl,
        illustrative = rule.IsIllustrative,
    };

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
