using Checkout.Domain.Ledger;

namespace Checkout.Workflows.Ledger;

/// <summary>
/// Proves the stored ledger consistent, for tests, the load-test harness and operators: every transaction (rebuilt
/// from its entry rows) balances per currency, every header has all its entries, every balance the API reports
/// (the per-merchant range query) equals the sum of that account's entries, and no merchant balance or payout in
/// transit is negative.
/// </summary>
public sealed class LedgerReconciliation(LedgerStore ledger)
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

        var problems = new List<string>(LedgerAudit.Check(transactions, reported));
        problems.AddRange(incomplete.Select(id => $"Transaction {id} does not have all its entry rows."));
        problems.AddRange(reported
            .Where(b => b.Key.Kind is LedgerAccountKind.MerchantBalance or LedgerAccountKind.PayoutsInTransit && b.Value < 0)
            .Select(b => $"{b.Key} is negative ({b.Value} minor units)."));
        return new LedgerReconciliationReport(transactions.Count, reported, problems);
    }
}
