namespace Checkout.Workflows.Webhooks;

/// <summary>The event types a webhook endpoint can subscribe to; anything else is refused at registration.</summary>
public static class WebhookEventTypes
{
    public const string CheckoutAwaitingConfirmation = "checkout.awaiting_confirmation";
    public const string CheckoutRequiresPaymentMethod = "checkout.requires_payment_method";
    public const string CheckoutRequiresAction = "checkout.requires_action";
    public const string CheckoutRejected = "checkout.rejected";
    public const string CheckoutExpired = "checkout.expired";
    public const string CheckoutCanceled = "checkout.canceled";
    public const string CheckoutNeedsAttention = "checkout.needs_attention";
    public const string CheckoutCompleted = "checkout.completed";
    public const string CheckoutFailed = "checkout.failed";
    public const string PaymentCaptured = "payment.captured";
    public const string PaymentRefunded = "payment.refunded";
    public const string RefundFailed = "refund.failed";
    public const string PayoutPaid = "payout.paid";
    public const string PayoutFailed = "payout.failed";

    public static IReadOnlyList<string> All { get; } =
    [
        CheckoutAwaitingConfirmation, CheckoutRequiresPaymentMethod, CheckoutRequiresAction, CheckoutRejected, CheckoutExpired, CheckoutCanceled, CheckoutNeedsAttention,
        CheckoutCompleted, CheckoutFailed, PaymentCaptured, PaymentRefunded, RefundFailed, PayoutPaid, PayoutFailed,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
