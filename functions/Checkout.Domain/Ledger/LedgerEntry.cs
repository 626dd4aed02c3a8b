using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

public enum EntryDirection
{
    Debit,
    Credit,
}

/// <summary>One line of a transaction: a positive amount, rounded to its minor unit, in the account's currency.</summary>
public sealed record LedgerEntry
{
    public LedgerEntry(LedgerAccount account, EntryDirection direction, Money amount)
    {
        if (amount.Currency != account.Currency || amount.IsNegative || amount.IsZero || amount.RoundToMinorUnits() != amount)
        {
            throw new ArgumentException($"An entry on {account} needs a positive amount in {account.Currency} rounded to its minor unit, not {amount}.", nameof(amount));
        }

        Account = account;
        Direction = direction;
        Amount = amount;
    }

    public LedgerAccount Account { get; }

    public EntryDirection Direction { get; }

    public Money Amount { get; }

    /// <summary>The entry's effect on its account's balance, in minor units, signed by the account's normal side.</summary>
    public long SignedMinorUnits =>
        (Direction == EntryDirection.Debit) == Account.IsDebitNormal ? Amount.ToMinorUnits() : -Amount.ToMinorUnits();

    public static LedgerEntry Debit(LedgerAccount account, Money amount) => new(account, EntryDirection.Debit, amount);

    public static LedgerEntry Credit(LedgerAccount account, Money amount) => new(account, EntryDirection.Credit, amount);
}
