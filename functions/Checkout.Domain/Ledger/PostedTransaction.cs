namespace Checkout.Domain.Ledger;

/// <summary>A transaction as read back from storage, unchecked: the audit, not the constructor, judges whether it balances.</summary>
public sealed record PostedTransaction(string Id, IReadOnlyList<LedgerEntry> Entries)
{
    public static PostedTransaction From(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new PostedTransaction(transaction.Id, transaction.Entries);
    }
}
