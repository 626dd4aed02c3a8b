using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Payouts;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// Books a refund the payment service made: posts it to the ledger at the rate the capture credited the merchant
/// (transaction id = refund id), then decides where the merchant's debit comes from. While the checkout's payout is
/// failed or canceled its funds are on the balance awaiting a retry: the debit is taken off that payout's amount
/// (recorded on the payout row with its ETag, so a repeated step finds it done) and the refund <c>reversed</c> the
/// balance. Once the payout is paid or on its way the balance goes below zero: the debit is
/// <c>carried_to_next_payout</c> as the merchant's refund deficit, written in the batch that marks the refund
/// succeeded. Each step repeats safely.
/// </summary>
public sealed class RefundSettlement(LedgerStore ledger, PayoutStore payouts, RefundStore refunds)
{
    public async Task<Refund> SettleAsync(Refund refund, RefundGatewayOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(outcome);
        var payout = await payouts.GetAsync(refund.MerchantId, outcome.PayoutId, cancellationToken)
            ?? throw new InvalidOperationException($"Refund {refund.Id}: checkout {refund.CheckoutId} has no payout, so the capture credited the merchant nothing to refund from.");
        var facts = await FactsAsync(refund, payout.Amount.Currency, now, cancellationToken);
        var posting = LedgerPostingRules.RefundAfterCompletion(facts);
        await ledger.PostAsync(posting.Transaction, cancellationToken);
        var reversed = await TryDeductAsync(payout, refund.Id, posting.MerchantDebit, cancellationToken);
        var succeeded = refund with
        {
            Status = RefundStatuses.Succeeded,
            GatewayRefundId = outcome.GatewayRefundId,
            BalanceEffect = reversed ? RefundBalanceEffects.Reversed : RefundBalanceEffects.CarriedToNextPayout,
            UpdatedAt = now,
        };
        return await refunds.FinishAsync(succeeded, reversed ? null : posting.MerchantDebit, cancellationToken);
    }

    /// <summary>The capture's conversion, read off its ledger entries: the merchant's credit, and the net it converted.</summary>
    private async Task<RefundFacts> FactsAsync(Refund refund, CurrencyCode settlement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var capture = LedgerPostingRules.CaptureTransactionId(refund.CheckoutId);
        var credited = await ledger.EntryTotalAsync(refund.MerchantId, LedgerAccount.MerchantBalance(refund.MerchantId, settlement), capture, EntryDirection.Credit, cancellationToken)
            ?? throw new InvalidOperationException($"Refund {refund.Id}: capture {capture} credited the merchant nothing in {settlement}.");
        var presentment = refund.Amount.Currency;
        var net = settlement == presentment
            ? credited
            : await ledger.EntryTotalAsync(refund.MerchantId, LedgerAccount.Platform(LedgerAccountKind.FxConversion, presentment), capture, EntryDirection.Credit, cancellationToken)
                ?? throw new InvalidOperationException($"Refund {refund.Id}: capture {capture} converted nothing from {presentment}.");
        return new RefundFacts(refund.Id, refund.MerchantId, refund.Amount, net, credited, now);
    }

    /// <summary>True when the debit came off the failed payout's amount (now or in an earlier run of this step).</summary>
    private async Task<bool> TryDeductAsync(Payout payout, string refundId, Money debit, CancellationToken cancellationToken)
    {
        for (Payout? current = payout; current is not null; current = await payouts.GetAsync(payout.MerchantId, payout.Id, cancellationToken))
        {
            if (current.HasDeduction(refundId))
            {
                return true;
            }

            // Only while the funds wait on the balance, and only what leaves the payout something to send.
            if (current.Status is not (PayoutStatus.Failed or PayoutStatus.Canceled) || current.Amount <= debit)
            {
                return false;
            }

            var deductions = current.RefundDeductions is null ? refundId : current.RefundDeductions + "," + refundId;
            if (await payouts.TryUpdateAsync(current with { Amount = current.Amount - debit, RefundDeductions = deductions }, cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
