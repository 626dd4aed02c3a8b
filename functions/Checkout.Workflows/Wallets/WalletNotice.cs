namespace Checkout.Workflows.Wallets;

/// <summary>
/// The payload of a checkout orchestration's <c>wallet</c> event: what the wallet said about one of its payments, read
/// from its verified notification. The orchestration applies it only to the payment it waits on, so a notice about an
/// earlier attempt's payment (or a repeated one) changes nothing.
/// </summary>
/// <param name="Status"><c>paid</c>, <c>declined</c> or <c>expired</c>.</param>
public sealed record WalletNotice(
    string WalletPaymentId, string Status, string? TransactionId, string? DeclineCode, string? DeclineMessage, DateTimeOffset At)
{
    public const string Paid = "paid";
    public const string Declined = "declined";
    public const string Expired = "expired";
}
