using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>GET /api/checkouts/{id}</c>. Quote, landed cost, shipping, capture, payout, cancel reason and
/// rejection appear once known; refunds once the checkout is completed.</summary>
[Description("A checkout's status, and once known its quote, landed cost, shipping, capture, payout, cancel reason, payment attempts, refunds and rejection.")]
internal sealed record CheckoutStatusView(
    string Id,
    string MerchantReference,
    [property: Description("created, quoting, checking, awaiting_confirmation, capturing, requires_action (a wallet payment waits for the buyer: see nextAction), requires_payment_method (a payment was declined: POST a new one to paymentPostUri before the quote expires), paying_out, refunding, completed, rejected, expired, canceled, failed or needs_attention.")]
    string Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    QuoteView? Quote,
    LandedCostView? LandedCost,
    ShippingView? Shipping,
    RejectionView? Rejection,
    [property: Description("For a buyer in mainland China: the identity given for customs, masked (name's first character; the number's address code and last four). The identity itself is deleted once the checkout ends.")] BuyerIdentityView? BuyerIdentity,
    [property: Description("card, alipay or wechat_pay.")] string PaymentMethod,
    [property: Description("While requires_action: what the buyer must do to approve the wallet payment, and by when.")] NextActionView? NextAction,
    [property: Description("The payment service's capture id (a wallet's transaction id), once the payment is captured.")] string? CaptureId,
    [property: Description("The id of the payout carrying this checkout's proceeds (GET /api/payouts/{id}), once handed off.")] string? PayoutId,
    [property: Description("The reason given with the cancel, once one was requested.")] string? CancelReason,
    [property: Description("The latest payment attempt's decline, while it is the latest.")] PaymentErrorView? LastPaymentError,
    [property: Description("Every payment attempt, oldest first (none before the confirm).")] IReadOnlyList<PaymentAttemptView> PaymentAttempts,
    string StatusQueryGetUri,
    string ConfirmPostUri,
    string CancelPostUri,
    [property: Description("POST {\"payment\":{\"token\"}} here to pay again while requires_payment_method.")] string PaymentPostUri,
    [property: Description("Present with ?showHistory=true: every transition in the order applied, which is also time order (a timestamp is never earlier than the one before it).")]
    IReadOnlyList<HistoryEventView>? HistoryEvents,
    [property: Description("Once completed: what succeeded refunds gave back, in the presentment currency.")] MoneyAmount? AmountRefunded,
    [property: Description("Once completed: its refunds, oldest first (see /refunds).")] IReadOnlyList<RefundView>? Refunds,
    [property: Description("False while a sandbox runs (payment provider, payout rail or FX sample rates): no real money moves.")] bool Livemode);
