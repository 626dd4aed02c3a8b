using Checkout.Domain.Carts;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Domain.Tests.Fx;
using Checkout.Domain.Tests.LandedCosts;

namespace Checkout.Domain.Tests.Ledger;

/// <summary>One checkout's facts in causal order (capture, then payout attempts), each a function that derives its
/// transaction afresh, as a redelivered message would.</summary>
internal sealed record LedgerStory(string CheckoutId, string MerchantId, CurrencyCode Settlement, IReadOnlyList<Func<LedgerTransaction>> Facts, PayoutEnd End, Money Net);

/// <summary>Where a story's payout ends: paid, still in transit, returned to the balance, or refunded (no payout).</summary>
internal enum PayoutEnd
{
    Paid,
    InTransit,
    Returned,
    Refunded,
}

internal static class LedgerStories
{
    private static readonly DateTimeOffset At = LedgerSamples.At;

    /// <param name="outcomes">Per attempt: 0 failed, 1 canceled; then <paramref name="end"/> for the last attempt.</param>
    public static LedgerStory Build(string checkoutId, string merchantId, LandedCost landed, CurrencyCode settlement, int feeBps, int spreadBps, int[] outcomes, PayoutEnd end)
    {
        if (end == PayoutEnd.Refunded)
        {
            var charged = landed.AmountDueAtCheckout;
            Func<LedgerTransaction>[] refund =
            [
                () => LedgerPostingRules.CaptureForRefund(checkoutId, merchantId, charged, At),
                () => LedgerPostingRules.Refund(checkoutId, merchantId, charged, At),
            ];
            return new LedgerStory(checkoutId, merchantId, settlement, refund, end, Money.Zero(settlement));
        }

        var quoter = new FxQuoter(new FixedRateSource(TestRates.Mid), FxSpreadPolicy.Flat(spreadBps), new FxQuoteOptions());
        var quote = settlement == landed.Currency ? null : ((FxQuoteIssued)quoter.Quote($"{checkoutId}-settlement", [settlement], landed.Currency, At)).Quote;
        var capture = new CaptureFacts(checkoutId, merchantId, landed, settlement, quote, feeBps, At);
        var net = LedgerPostingRules.Capture(capture).MerchantNet;
        var facts = new List<Func<LedgerTransaction>> { () => LedgerPostingRules.Capture(capture).Transaction };
        if (!net.IsZero)
        {
            AddAttempts(facts, new PayoutFacts($"{checkoutId}-payout", 1, merchantId, net, At), outcomes, end);
        }

        return new LedgerStory(checkoutId, merchantId, settlement, facts, net.IsZero ? PayoutEnd.Paid : end, net);
    }

    private static void AddAttempts(List<Func<LedgerTransaction>> facts, PayoutFacts first, int[] outcomes, PayoutEnd end)
    {
        for (var i = 0; i < outcomes.Length; i++)
        {
            var attempt = first with { Attempt = i + 1 };
            var status = outcomes[i] == 0 ? "failed" : "canceled";
            facts.Add(() => LedgerPostingRules.PayoutCreated(attempt));
            facts.Add(() => LedgerPostingRules.PayoutReturned(attempt, status));
        }

        var last = first with { Attempt = outcomes.Length + 1 };
        if (end != PayoutEnd.Returned)
        {
            facts.Add(() => LedgerPostingRules.PayoutCreated(last));
        }

        if (end == PayoutEnd.Paid)
        {
            facts.Add(() => LedgerPostingRules.PayoutPaid(last));
        }
    }

    public static LandedCost Landed(CurrencyCode currency, Incoterm incoterm, long goods, long shipping, long duty, long tax)
    {
        var rule = new RuleReference("test", new DateOnly(2026, 1, 1), "https://example.test/rule");
        var importCharges = incoterm == Incoterm.Ddp ? CollectionPoint.AtCheckout : CollectionPoint.OnDelivery;
        LandedCostLine Line(LandedCostLineKind kind, long units, CollectionPoint at) =>
            new(kind, kind.ToString(), Money.FromMinorUnits(units, currency), rule, at);
        return new LandedCost(currency, incoterm,
        [
            Line(LandedCostLineKind.Goods, goods, CollectionPoint.AtCheckout),
            Line(LandedCostLineKind.Shipping, shipping, CollectionPoint.AtCheckout),
            Line(LandedCostLineKind.Duty, duty, importCharges),
            Line(LandedCostLineKind.Tax, tax, CollectionPoint.AtCheckout),
        ]);
    }
}
