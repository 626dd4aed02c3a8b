using System.Globalization;
using Azure.Data.Tables;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;

namespace Checkout.Workflows.Ledger;

/// <summary>The row shapes of <see cref="LedgerStore"/>. Entry row keys start with the account, so one account's
/// entries in a merchant's partition are one contiguous row-key range.</summary>
internal static class LedgerRows
{
    public const string TransactionId = "TransactionId";
    public const string EntryCount = "EntryCount";

    public static TableEntity Header(LedgerTransaction transaction) => new(transaction.MerchantId, "t|" + transaction.Id)
    {
        [TransactionId] = transaction.Id,
        ["Description"] = transaction.Description,
        ["At"] = transaction.At,
        [EntryCount] = transaction.Entries.Count,
    };

    public static TableEntity Entry(LedgerTransaction transaction, LedgerEntry entry, int index) =>
        new(transaction.MerchantId, string.Create(CultureInfo.InvariantCulture, $"e|{entry.Account.Key}|{transaction.Id}|{index:D2}"))
        {
            [TransactionId] = transaction.Id,
            ["Account"] = entry.Account.Key,
            ["Direction"] = entry.Direction == EntryDirection.Debit ? "debit" : "credit",
            ["AmountMinor"] = entry.Amount.ToMinorUnits(),
            ["Currency"] = entry.Amount.Currency.Value,
            ["At"] = transaction.At,
        };

    public static LedgerEntry ReadEntry(TableEntity row)
    {
        var account = LedgerAccount.Parse(row.GetString("Account") ?? throw new InvalidOperationException($"Ledger row {row.RowKey} has no account."));
        var amount = Money.FromMinorUnits(row.GetInt64("AmountMinor") ?? 0, new CurrencyCode(row.GetString("Currency") ?? account.Currency.Value));
        var direction = row.GetString("Direction") == "debit" ? EntryDirection.Debit : EntryDirection.Credit;
        return new LedgerEntry(account, direction, amount);
    }
}
