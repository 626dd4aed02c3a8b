namespace Checkout.Domain.Ledger;

/// <summary>
/// Proves a ledger consistent: every transaction balances per currency, no transaction id appears twice, and every
/// reported balance (as the store answers it) equals the sum of that account's entries. Returns the discrepancies,
/// empty when all is well.
/// </summary>
public static class LedgerAudit
{
    /// <param name="transactions">Every stored transaction, as read back (entries from their own rows).</param>
    /// <param name="reportedBalances">Balances answered by the store's balance queries, for the accounts it reports.</param>
    public static IReadOnlyList<string> Check(IReadOnlyList<PostedTransaction> transactions, IReadOnlyDictionary<LedgerAccount, long> reportedBalances)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(reportedBalances);
        var problems = new List<string>();
        problems.AddRange(transactions.GroupBy(t => t.Id).Where(g => g.Count() > 1).Select(g => $"Transaction {g.Key} is posted {g.Count()} times."));
        problems.AddRange(transactions
            .Select(t => (t.Id, Problem: LedgerTransaction.Imbalance(t.Entries)))
            .Where(x => x.Problem is not null)
            .Select(x => $"Transaction {x.Id}: {x.Problem}"));

        var summed = LedgerBalances.FromEntries(transactions.SelectMany(t => t.Entries));
        foreach (var (account, reported) in reportedBalances)
        {
            var expected = summed.GetValueOrDefault(account);
            if (reported != expected)
            {
                problems.Add($"Balance of {account} is {reported} but its entries sum to {expected}.");
            }
        }

        problems.AddRange(summed.Where(s => s.Value != 0 && !reportedBalances.ContainsKey(s.Key))
            .Select(s => $"Account {s.Key} has entries summing to {s.Value} but no reported balance."));
        return problems;
    }
}
