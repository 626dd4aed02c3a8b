using System.Globalization;
using Azure.Data.Tables;
using Checkout.Domain.Monetary;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// The row shapes of the refunds table, all in the merchant's partition: per checkout a summary row
/// <c>{checkoutId}|summary</c> and one row per refund <c>{checkoutId}|r{n:D6}</c> (one contiguous range, read with one
/// query); per settlement currency the refund deficit <c>$deficit|{currency}</c> and each payout's claim on it
/// <c>$claim|{payoutId}</c> (<c>$</c> sorts before any checkout id and is never in one).
/// </summary>
internal static class RefundRows
{
    public static string SummaryKey(string checkoutId) => checkoutId + "|summary";

    public static string RefundKey(string checkoutId, int number) => string.Create(CultureInfo.InvariantCulture, $"{checkoutId}|r{number:D6}");

    public static string DeficitKey(CurrencyCode currency) => "$deficit|" + currency.Value;

    public static string ClaimKey(string payoutId) => "$claim|" + payoutId;

    /// <summary>The filter of one checkout's rows: its summary and its refunds.</summary>
    public static string CheckoutFilter(string merchantId, string checkoutId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey gt {checkoutId + "|"} and RowKey lt {checkoutId + "|~"}");

    public static TableEntity ToRow(Refund refund) => new(refund.MerchantId, RefundKey(refund.CheckoutId, refund.Number))
    {
        ["RefundId"] = refund.Id,
        ["CheckoutId"] = refund.CheckoutId,
        ["Number"] = refund.Number,
        ["AmountMinor"] = refund.Amount.ToMinorUnits(),
        ["Currency"] = refund.Amount.Currency.Value,
        ["Reason"] = refund.Reason ?? string.Empty,
        ["Status"] = refund.Status,
        ["CreatedAt"] = refund.CreatedAt,
        ["UpdatedAt"] = refund.UpdatedAt,
        ["FailureCode"] = refund.FailureCode ?? string.Empty,
        ["FailureMessage"] = refund.FailureMessage ?? string.Empty,
        ["BalanceEffect"] = refund.BalanceEffect ?? string.Empty,
        ["GatewayRefundId"] = refund.GatewayRefundId ?? string.Empty,
    };

    public static Refund ToRefund(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("CheckoutId") ?? throw new InvalidOperationException($"Refund row {row.RowKey} has no checkout."),
        row.GetInt32("Number") ?? throw new InvalidOperationException($"Refund row {row.RowKey} has no number."),
        Amount(row, "AmountMinor"),
        NullIfEmpty(row.GetString("Reason")),
        row.GetString("Status") ?? RefundStatuses.Pending,
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        NullIfEmpty(row.GetString("FailureCode")),
        NullIfEmpty(row.GetString("FailureMessage")),
        NullIfEmpty(row.GetString("BalanceEffect")),
        NullIfEmpty(row.GetString("GatewayRefundId")),
        row.ETag);

    public static TableEntity ToRow(string merchantId, string checkoutId, RefundSummary summary) => new(merchantId, SummaryKey(checkoutId))
    {
        ["CapturedMinor"] = summary.Captured.ToMinorUnits(),
        ["ReservedMinor"] = summary.Reserved.ToMinorUnits(),
        ["RefundedMinor"] = summary.Refunded.ToMinorUnits(),
        ["Currency"] = summary.Captured.Currency.Value,
        ["Count"] = summary.Count,
    };

    public static RefundSummary ToSummary(TableEntity row) =>
        new(Amount(row, "CapturedMinor"), Amount(row, "ReservedMinor"), Amount(row, "RefundedMinor"), row.GetInt32("Count") ?? 0, row.ETag);

    public static bool IsSummary(TableEntity row) => row.RowKey.EndsWith("|summary", StringComparison.Ordinal);

    public static TableEntity Deficit(string merchantId, Money outstanding) => new(merchantId, DeficitKey(outstanding.Currency))
    {
        ["OutstandingMinor"] = outstanding.ToMinorUnits(),
        ["Currency"] = outstanding.Currency.Value,
    };

    public static TableEntity Claim(string merchantId, string payoutId, Money claimed) => new(merchantId, ClaimKey(payoutId))
    {
        ["ClaimedMinor"] = claimed.ToMinorUnits(),
        ["Currency"] = claimed.Currency.Value,
    };

    public static Money Amount(TableEntity row, string column) =>
        Money.FromMinorUnits(row.GetInt64(column) ?? 0, new CurrencyCode(row.GetString("Currency") ?? throw new InvalidOperationException($"Refunds row {row.RowKey} has no currency.")));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
