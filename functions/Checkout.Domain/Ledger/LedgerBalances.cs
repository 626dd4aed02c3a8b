namespace Checkout.Domain.Ledger;

/// <summary>Balances as the sum of entries: minor units per account, signed by each account's normal side.</summary>
public static class LedgerBalances
{
    public static IReadOnlyDictionary<LedgerAccount, long> FromEntries(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var balances = new Dictionary<LedgerAccount, long>();
        foreach (var entry in entries)
        {
            balances[entry.Account] = checked(balances.GetValueOrDefault(entry.Account) + entry.SignedMinorUnits);
        }

        return balances;
    }

    public static IReadOnlyDictionary<LedgerAccount, long> FromTransactions(IEnumerable<LedgerTransaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        return FromEntries(transactions.SelectMany(t => t.Entries));
    }
}
