using Azure.Data.Tables;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;

namespace Checkout.Workflows.Payouts;

/// <summary>The payout row: partition = merchant, row = payout id.</summary>
internal static class PayoutRows
{
    public static TableEntity ToRow(Payout payout) => new(payout.MerchantId, payout.Id)
    {
        ["CheckoutId"] = payout.CheckoutId,
        ["AmountMinor"] = payout.Amount.ToMinorUnits(),
        ["Currency"] = payout.Amount.Currency.Value,
        ["Attempt"] = payout.Attempt,
        ["Status"] = payout.Status.ToWire(),
        ["CreatedAt"] = payout.CreatedAt,
        ["UpdatedAt"] = payout.UpdatedAt,
        ["FailureCode"] = payout.FailureCode ?? string.Empty,
        ["FailureMessage"] = payout.FailureMessage ?? string.Empty,
        ["RailPayoutId"] = payout.RailPayoutId ?? string.Empty,
        ["RefundDeductions"] = payout.RefundDeductions ?? string.Empty,
    };

    public static Payout FromRow(TableEntity row)
    {
        var status = PayoutStatusNames.TryParse(row.GetString("Status"), out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Payout {row.RowKey} has an unknown status '{row.GetString("Status")}'.");
        var currency = new CurrencyCode(row.GetString("Currency") ?? throw new InvalidOperationException($"Payout {row.RowKey} has no currency."));
        return new Payout(
            row.PartitionKey,
            row.RowKey,
            row.GetString("CheckoutId") ?? string.Empty,
            Money.FromMinorUnits(row.GetInt64("AmountMinor") ?? 0, currency),
            row.GetInt32("Attempt") ?? 1,
            status,
            row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            NullIfEmpty(row.GetString("FailureCode")),
            NullIfEmpty(row.GetString("FailureMessage")),
            NullIfEmpty(row.GetString("RailPayoutId")),
            row.ETag,
            NullIfEmpty(row.GetString("RefundDeductions")));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
