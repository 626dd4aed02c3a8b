using Azure;
using Checkout.Domain.Monetary;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// One refund of a completed checkout, in the checkout's presentment currency. Its id derives from the checkout and
/// its place in the checkout's refunds (<c>{checkoutId}-r{n}</c>): it is the gateway's idempotency key, the ledger
/// transaction id, the refund orchestration's instance id and the root of its webhook event ids. <see cref="ETag"/>
/// guards its one status change (pending to succeeded or failed).
/// </summary>
public sealed record Refund(
    string MerchantId,
    string CheckoutId,
    int Number,
    Money Amount,
    string? Reason,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? FailureCode = null,
    string? FailureMessage = null,
    string? BalanceEffect = null,
    string? GatewayRefundId = null,
    ETag? ETag = null)
{
    public string Id => IdOf(CheckoutId, Number);

    public static string IdOf(string checkoutId, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{checkoutId}-r{number}");

    /// <summary>The number of a refund id of <paramref name="checkoutId"/>, or false when the id is not one of its.</summary>
    public static bool TryParseNumber(string checkoutId, string refundId, out int number)
    {
        ArgumentNullException.ThrowIfNull(checkoutId);
        ArgumentNullException.ThrowIfNull(refundId);
        number = 0;
        var prefix = checkoutId + "-r";
        return refundId.StartsWith(prefix, StringComparison.Ordinal)
            && refundId.Length - prefix.Length is > 0 and <= 6
            && refundId[prefix.Length] != '0'
            && int.TryParse(refundId.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
    }
}
