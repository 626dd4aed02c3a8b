using Checkout.Domain.LandedCosts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>
/// Derives transactions from workflow facts. Pure and deterministic: the same fact always yields the same
/// transaction id and entries, so a redelivered fact is recognised as already posted and never posts twice.
/// Zero amounts are left out (an entry is always positive).
/// </summary>
public static class LedgerPostingRules
{
    /// <summary>
    /// The buyer's charge lands in clearing; duties, taxes and customs fees collected at checkout are owed to the
    /// authorities; the processing fee is revenue; the rest is the merchant's, converted into the settlement currency
    /// through the FX conversion accounts (each currency balancing on its own) with the spread as revenue.
    /// </summary>
    public static CapturePosting Capture(CaptureFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var landed = facts.LandedCost;
        var presentment = landed.Currency;
        var charged = landed.AmountDueAtCheckout;
        var payable = landed.Lines
            .Where(l => l.CollectedAt == CollectionPoint.AtCheckout && l.Kind is LandedCostLineKind.Duty or LandedCostLineKind.Tax or LandedCostLineKind.Fee)
            .Aggregate(Money.Zero(presentment), (sum, l) => sum + l.Amount);
        var fee = ProcessingFee(charged, payable, facts.ProcessingFeeBps);
        var net = charged - payable - fee;

        var entries = new List<LedgerEntry?>
        {
            Debit(LedgerAccount.Platform(LedgerAccountKind.BuyerFundsClearing, presentment), charged),
            Credit(LedgerAccount.Platform(LedgerAccountKind.DutiesAndTaxesPayable, presentment), payable),
            Credit(LedgerAccount.Platform(LedgerAccountKind.ProcessingFees, presentment), fee),
        };
        var merchantNet = AddSettlement(entries, facts, net);
        var transaction = new LedgerTransaction(
            CaptureTransactionId(facts.CheckoutId), facts.MerchantId, "capture", facts.At, entries.OfType<LedgerEntry>().ToList());
        return new CapturePosting(transaction, merchantNet);
    }

    /// <summary>The id of a checkout's capture transaction (its refunds read the rate the merchant was credited at off it).</summary>
    public static string CaptureTransactionId(string checkoutId) => $"{checkoutId}-capture";

    /// <summary>A checkout canceled after capture: the captured funds are owed back to the buyer, never to the merchant.</summary>
    public static LedgerTransaction CaptureForRefund(string checkoutId, string merchantId, Money charged, DateTimeOffset at) =>
        Pair($"{checkoutId}-capture", merchantId, "capture held for refund", at,
            LedgerAccount.Platform(LedgerAccountKind.BuyerFundsClearing, charged.Currency),
            LedgerAccount.Platform(LedgerAccountKind.RefundsPayable, charged.Currency), charged);

    /// <summary>The refund paid back to the buyer out of clearing.</summary>
    public static LedgerTransaction Refund(string checkoutId, string merchantId, Money refunded, DateTimeOffset at) =>
        Pair($"{checkoutId}-refund", merchantId, "refund", at,
            LedgerAccount.Platform(LedgerAccountKind.RefundsPayable, refunded.Currency),
            LedgerAccount.Platform(LedgerAccountKind.BuyerFundsClearing, refunded.Currency), refunded);

    /// <summary>
    /// A refund of a completed checkout (<see cref="RefundFacts.RefundId"/> is the transaction id): the buyer's clearing
    /// account is credited what goes back to the buyer, in the presentment currency, and the merchant's balance is
    /// debited the equivalent in the settlement currency at the rate the capture credited the merchant
    /// (<see cref="RefundFacts.CaptureCredited"/> per <see cref="RefundFacts.CaptureNet"/>), through the FX conversion
    /// accounts so each currency balances on its own. The merchant bears the processing fee (it is not returned, as card
    /// processors keep theirs on refunds) and the duties, taxes and customs fees collected at checkout (they stay owed
    /// to the authorities; reclaiming them, e.g. as a duty drawback, is the merchant's affair): a full refund debits the
    /// merchant more than the capture credited it. The debit may take the balance below zero when the checkout's payout
    /// has left; the payout hand-off then carries that deficit to the merchant's next payout.
    /// </summary>
    public static RefundPosting RefundAfterCompletion(RefundFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var refunded = facts.Refunded;
        var settlement = facts.CaptureCredited.Currency;
        if (facts.CaptureNet.Currency != refunded.Currency || refunded.IsNegative || refunded.IsZero)
        {
            throw new ArgumentException($"Refund {facts.RefundId} must be a positive amount in the capture's currency {facts.CaptureNet.Currency}.", nameof(facts));
        }

        var clearing = LedgerEntry.Credit(LedgerAccount.Platform(LedgerAccountKind.BuyerFundsClearing, refunded.Currency), refunded);
        if (settlement == refunded.Currency)
        {
            var same = Pair(facts.RefundId, facts.MerchantId, "refund", facts.At,
                LedgerAccount.MerchantBalance(facts.MerchantId, settlement), clearing.Account, refunded);
            return new RefundPosting(same, refunded);
        }

        var debit = AtCaptureRate(facts);
        var transaction = new LedgerTransaction(facts.RefundId, facts.MerchantId, "refund", facts.At,
        [
            clearing,
            LedgerEntry.Debit(LedgerAccount.Platform(LedgerAccountKind.FxConversion, refunded.Currency), refunded),
            LedgerEntry.Debit(LedgerAccount.MerchantBalance(facts.MerchantId, settlement), debit),
            LedgerEntry.Credit(LedgerAccount.Platform(LedgerAccountKind.FxConversion, settlement), debit),
        ]);
        return new RefundPosting(transaction, debit);
    }

    /// <summary>An attempt sent to the rail (the first or a retry): the amount leaves the available balance.</summary>
    public static LedgerTransaction PayoutCreated(PayoutFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Pair(facts.TransactionId("created"), facts.MerchantId, "payout created", facts.At,
            LedgerAccount.MerchantBalance(facts.MerchantId, facts.Amount.Currency),
            LedgerAccount.PayoutsInTransit(facts.MerchantId, facts.Amount.Currency), facts.Amount);
    }

    /// <summary>The rail paid the merchant's bank: the money leaves the platform's payout account.</summary>
    public static LedgerTransaction PayoutPaid(PayoutFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Pair(facts.TransactionId("paid"), facts.MerchantId, "payout paid", facts.At,
            LedgerAccount.PayoutsInTransit(facts.MerchantId, facts.Amount.Currency),
            LedgerAccount.Platform(LedgerAccountKind.PayoutFunding, facts.Amount.Currency), facts.Amount);
    }

    /// <summary>The attempt failed or was canceled: the funds return to the merchant's balance, ready for a retry.</summary>
    public static LedgerTransaction PayoutReturned(PayoutFacts facts, string status)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Pair(facts.TransactionId(status), facts.MerchantId, $"payout {status}", facts.At,
            LedgerAccount.PayoutsInTransit(facts.MerchantId, facts.Amount.Currency),
            LedgerAccount.MerchantBalance(facts.MerchantId, facts.Amount.Currency), facts.Amount);
    }

    /// <summary>The fee on the charge, rounded half away from zero, never more than what is left after duties and taxes.</summary>
    public static Money ProcessingFee(Money charged, Money payable, int feeBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feeBps);
        var fee = (charged * (feeBps / 10_000m)).RoundToMinorUnits();
        var left = charged - payable;
        return fee > left ? left : fee;
    }

    /// <summary>The refund in settlement units at the capture's own rate, rounded half away from zero (never zero: a
    /// refund always costs the merchant something).</summary>
    private static Money AtCaptureRate(RefundFacts facts)
    {
        if (facts.CaptureNet.IsNegative || facts.CaptureNet.IsZero || facts.CaptureCredited.IsNegative || facts.CaptureCredited.IsZero)
        {
            throw new ArgumentException($"Refund {facts.RefundId}: the capture credited the merchant nothing, so it has no rate to refund at.", nameof(facts));
        }

        var units = checked(facts.Refunded.Amount * facts.CaptureCredited.Amount / facts.CaptureNet.Amount);
        var debit = new Money(units, facts.CaptureCredited.Currency).RoundToMinorUnits();
        return debit.IsZero ? Money.FromMinorUnits(1, debit.Currency) : debit;
    }

    private static Money AddSettlement(List<LedgerEntry?> entries, CaptureFacts facts, Money net)
    {
        var settlement = facts.SettlementCurrency;
        if (settlement == net.Currency)
        {
            entries.Add(Credit(LedgerAccount.MerchantBalance(facts.MerchantId, settlement), net));
            return net;
        }

        var quote = facts.SettlementQuote
            ?? throw new ArgumentException($"Settling {net.Currency} in {settlement} needs a settlement quote.", nameof(facts));
        var (atMid, toMerchant) = SettlementConversion.Convert(net, settlement, quote);
        entries.Add(Credit(LedgerAccount.Platform(LedgerAccountKind.FxConversion, net.Currency), net));
        entries.Add(Debit(LedgerAccount.Platform(LedgerAccountKind.FxConversion, settlement), atMid));
        entries.Add(Credit(LedgerAccount.MerchantBalance(facts.MerchantId, settlement), toMerchant));
        entries.Add(Credit(LedgerAccount.Platform(LedgerAccountKind.FxSpreadRevenue, settlement), atMid - toMerchant));
        return toMerchant;
    }

    private static LedgerTransaction Pair(string id, string merchantId, string description, DateTimeOffset at, LedgerAccount debit, LedgerAccount credit, Money amount) =>
        new(id, merchantId, description, at, [LedgerEntry.Debit(debit, amount), LedgerEntry.Credit(credit, amount)]);

    private static LedgerEntry? Debit(LedgerAccount account, Money amount) => amount.IsZero ? null : LedgerEntry.Debit(account, amount);

    private static LedgerEntry? Credit(LedgerAccount account, Money amount) => amount.IsZero ? null : LedgerEntry.Credit(account, amount);
}
