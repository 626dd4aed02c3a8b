using Checkout.Domain.Ledger;

namespace Checkout.Domain.Tests.Ledger;

/// <summary>The store's contract without storage: the first post of an id wins, a later one is "already posted" and
/// must carry the very same entries (otherwise the posting rules are not deterministic).</summary>
internal sealed class InMemoryLedger
{
    private readonly Dictionary<string, LedgerTransaction> _posted = new(StringComparer.Ordinal);

    public IReadOnlyCollection<LedgerTransaction> Transactions => _posted.Values;

    public bool Post(LedgerTransaction transaction)
    {
        if (_posted.TryGetValue(transaction.Id, out var existing))
        {
            Assert.True(existing.SameEntriesAs(transaction), $"Redelivered {transaction.Id} derived different entries.");
            return false;
        }

        _posted.Add(transaction.Id, transaction);
        return true;
    }

    public long Balance(LedgerAccount account) =>
        _posted.Values.SelectMany(t => t.Entries).Where(e => e.Account == account).Sum(e => e.SignedMinorUnits);
}
