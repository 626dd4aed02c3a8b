using Checkout.Domain.Ledger;
using Checkout.Workflows.Refunds;

namespace Checkout.Workflows.Ledger;

/// <summary>
/// Proves the stored ledger consistent, for tests, the load-test harness and operators: every transaction (rebuilt
/// from its entry rows) balances per currency, every header has all its entries, every balance the API reports
/// (the per-merchant range query) equals the sum of that account's entries, and no merchant balance or payout in
/// transit is negative, except a merchant balance below zero by no more than the merchant's outstanding refund
/// deficit (refunds after the payout left, which the next payouts keep back).
/// </summary>
public sealed class LedgerReconciliation(LedgerStore ledger, RefundDeficits deficits)
{
    public async Task<LedgerReconciliationReport> RunAsync(CancellationToken cancellationToken)
    {
        var (transactions, incomplete, merchants) = await ledger.ReadAllAsync(cancellationToken);
        var reported = new Dictionary<LedgerAccount, long>();
        foreach (var merchant in merchants)
        {
            foreach (var (account, balance) in await ledger.GetBalancesAsync(merchant, cancellationToken))
            {
                reported[account] = checked(reported.GetValueOrDefault(account) + balance);
            }
        }

        var owed = await deficits.ListOutstandingAsync(cancellationToken);
        var problems = new List<string>(LedgerAudit.Check(transactions, reported));
        problems.AddRange(incomplete.Select(id => $"Transaction {id} does not have all its entry rows."));
        problems.AddRange(reported
            .Where(b => b.Key.Kind is LedgerAccountKind.MerchantBalance or LedgerAccountKind.PayoutsInTransit && b.Value < -owed.GetValueOrDefault(b.Key))
            .Select(b => $"{b.Key} is negative ({b.Value} minor units) beyond its refund deficit ({owed.GetValueOrDefault(b.Key)})."));
        return new LedgerReconciliationReport(transactions.Count, reported, problems);
    }
}
