using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>GET /api/checkouts/{id}</c>. Quote, landed cost, shipping, capture, payout, cancel reason and rejection appear once known.</summary>
[Description("A checkout's status, and once known its quote, landed cost, shipping, capture, payout, cancel reason and rejection.")]
internal sealed record CheckoutStatusView(
    string Id,
    string MerchantReference,
    [property: Description("created, quoting, checking, awaiting_confirmation, capturing, paying_out, refunding, completed, rejected, expired, canceled, failed or needs_attention.")]
    string Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    QuoteView? Quote,
    LandedCostView? LandedCost,
    ShippingView? Shipping,
    RejectionView? Rejection,
    [property: Description("The payment service's capture id, once the payment is captured.")] string? CaptureId,
    [property: Description("The id of the payout carrying this checkout's proceeds (GET /api/payouts/{id}), once handed off.")] string? PayoutId,
    [property: Description("The reason given with the cancel, once one was requested.")] string? CancelReason,
    string StatusQueryGetUri,
    string ConfirmPostUri,
    string CancelPostUri,
    [property: Description("Present with ?showHistory=true: every transition in the order applied, which is also time order (a timestamp is never earlier than the one before it).")]
    IReadOnlyList<HistoryEventView>? HistoryEvents,
    [property: Description("False while a sandbox runs (payment provider, payout rail or FX sample rates): no real money moves.")] bool Livemode);
