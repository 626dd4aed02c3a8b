using Checkout.Domain.Ledger;

namespace Checkout.Workflows.Ledger;

/// <summary>What <see cref="LedgerReconciliation"/> found: the balances it checked and every discrepancy (none when reconciled).</summary>
public sealed record LedgerReconciliationReport(int Transactions, IReadOnlyDictionary<LedgerAccount, long> Balances, IReadOnlyList<string> Problems)
{
    public bool IsReconciled => Problems.Count == 0;
}
