using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>
/// An immutable, balanced set of entries: in every currency the debits equal the credits, and there is at least one
/// of each. <see cref="Id"/> derives from the workflow fact that caused it (<c>{checkoutId}-capture</c>,
/// <c>{payoutId}-a2-paid</c>), so posting the same fact again is recognised as already posted.
/// </summary>
public sealed record LedgerTransaction
{
    public LedgerTransaction(string id, string merchantId, string description, DateTimeOffset at, IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        ArgumentNullException.ThrowIfNull(entries);
        if (Imbalance(entries) is { } problem)
        {
            throw new ArgumentException($"Transaction {id} does not balance: {problem}", nameof(entries));
        }

        Id = id;
        MerchantId = merchantId;
        Description = description;
        At = at;
        Entries = entries;
    }

    public string Id { get; }

    /// <summary>The merchant the transaction belongs to; the store keeps a merchant's transactions together.</summary>
    public string MerchantId { get; }

    public string Description { get; }

    public DateTimeOffset At { get; }

    public IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>Why a set of entries is not a valid transaction, or null when it is: the rule the audit re-checks on stored data.</summary>
    public static string? Imbalance(IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!entries.Any(e => e.Direction == EntryDirection.Debit) || !entries.Any(e => e.Direction == EntryDirection.Credit))
        {
            return "it needs at least one debit and one credit.";
        }

        var unbalanced = entries
            .GroupBy(e => e.Amount.Currency)
            .Select(g => (Currency: g.Key, Debits: Sum(g, EntryDirection.Debit), Credits: Sum(g, EntryDirection.Credit)))
            .Where(x => x.Debits != x.Credits)
            .Select(x => $"{x.Currency} debits {x.Debits} differ from credits {x.Credits} (minor units)")
            .ToList();
        return unbalanced.Count == 0 ? null : string.Join("; ", unbalanced) + ".";
    }

    private static long Sum(IEnumerable<LedgerEntry> entries, EntryDirection direction) =>
        entries.Where(e => e.Direction == direction).Sum(e => e.Amount.ToMinorUnits());

    /// <summary>True when both hold the same entries in the same order: what a redelivered fact must produce.</summary>
    public bool SameEntriesAs(LedgerTransaction other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && MerchantId == other.MerchantId && Entries.SequenceEqual(other.Entries);
    }

    public Money TotalDebits(CurrencyCode currency) =>
        Entries.Where(e => e.Direction == EntryDirection.Debit && e.Amount.Currency == currency)
            .Aggregate(Money.Zero(currency), (sum, e) => sum + e.Amount);
}
