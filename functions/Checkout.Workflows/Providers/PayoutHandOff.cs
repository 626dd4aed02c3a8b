using Checkout.Domain.Ledger;
using Checkout.Domain.Payouts;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Refunds;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Providers;

/// <summary>
/// Hands a captured checkout's funds to the merchant: posts the capture (the net, converted into the merchant's
/// settlement currency, lands on its balance), keeps back what it can of the merchant's refund deficit (refunds of
/// checkouts already paid out; claimed atomically, so two hand-offs at once never both keep the same deficit back),
/// then creates the checkout's payout of the rest (one per checkout, id derived from it; none when nothing is left),
/// takes its first attempt off the balance and asks for its orchestration on the payouts queue. The checkout
/// completes once the funds are on the balance; the payout goes on by itself. Every step is idempotent, so a repeated
/// hand-off posts and pays nothing twice.
/// </summary>
public sealed class PayoutHandOff(
    LedgerStore ledger,
    PayoutStore payouts,
    PayoutProcessor processor,
    MerchantProfileStore merchants,
    SettlementQuoter quoter,
    RefundDeficits deficits,
    PayoutOptions options,
    ILogger<PayoutHandOff> logger)
{
    public async Task<PayoutHandedOff> HandOffAsync(CheckoutState state, string payoutId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var posting = LedgerPostingRules.Capture(await CaptureFactsAsync(state, cancellationToken));
        await ledger.PostAsync(posting.Transaction, cancellationToken);
        var netUnits = posting.MerchantNet.ToMinorUnits();
        PayoutLog.CapturePosted(logger, state.Id, netUnits, posting.MerchantNet.Currency.Value, state.MerchantId);
        var kept = await deficits.ClaimAsync(
            state.MerchantId, payoutId, posting.MerchantNet, async () => await payouts.GetAsync(state.MerchantId, payoutId, cancellationToken) is not null, cancellationToken);
        if (!kept.IsZero)
        {
            var keptUnits = kept.ToMinorUnits();
            PayoutLog.DeficitKept(logger, payoutId, keptUnits, kept.Currency.Value, state.MerchantId);
        }

        var amount = posting.MerchantNet - kept;
        if (!amount.IsZero)
        {
            var payout = await payouts.CreateAsync(new Payout(state.MerchantId, payoutId, state.Id, amount, 1, PayoutStatus.Pending, now, now), cancellationToken);

            // A repeated hand-off (the activity run again) finds the payout already under way: nothing more to start.
            if (payout is { Attempt: 1, Status: PayoutStatus.Pending })
            {
                await processor.StartAttemptAsync(payout, cancellationToken);
                await processor.RequestAsync(payout, cancellationToken);
            }
        }

        return new PayoutHandedOff(payoutId, now);
    }

    /// <summary>A checkout canceled after capture: the capture is held for the buyer and the refund pays it back.</summary>
    public async Task RecordRefundAsync(CheckoutState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var charged = state.LandedCost!.AmountDueAtCheckout;
        await ledger.PostAsync(LedgerPostingRules.CaptureForRefund(state.Id, state.MerchantId, charged, state.UpdatedAt), cancellationToken);
        await ledger.PostAsync(LedgerPostingRules.Refund(state.Id, state.MerchantId, charged, now), cancellationToken);
    }

    /// <summary>Every recorded payout, for audits: (merchant, payout id, checkout id).</summary>
    public async Task<IReadOnlyList<(string MerchantId, string PayoutId, string CheckoutId)>> ListAsync(CancellationToken cancellationToken) =>
        (await payouts.ListAllAsync(cancellationToken)).Select(p => (p.MerchantId, p.Id, p.CheckoutId)).ToList();

    /// <summary>The capture's time (the state's last change, the capture) fixes the settlement quote, so a redelivery
    /// derives the same amounts.</summary>
    private async Task<CaptureFacts> CaptureFactsAsync(CheckoutState state, CancellationToken cancellationToken)
    {
        var landed = state.LandedCost!;
        var profile = await merchants.GetAsync(state.MerchantId, cancellationToken);
        if (profile is null)
        {
            PayoutLog.NoProfile(logger, state.MerchantId, state.Id);
        }

        var settlement = profile?.SettlementCurrency ?? landed.Currency;
        var quote = settlement == landed.Currency ? null : quoter.Quote(state.Id, settlement, landed.Currency, state.UpdatedAt);
        return new CaptureFacts(state.Id, state.MerchantId, landed, settlement, quote, options.ProcessingFeeBps, state.UpdatedAt);
    }
}
