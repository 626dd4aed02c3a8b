using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>GET /api/checkouts/{id}</c>. Quote, landed cost, shipping and rejection appear once known.</summary>
[Description("A checkout's status, and once known its quote, landed cost, shipping and rejection.")]
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
    string StatusQueryGetUri,
    string ConfirmPostUri,
    string CancelPostUri,
    [property: Description("Present with ?showHistory=true: every transition in the order applied, which is also time order (a timestamp is never earlier than the one before it).")]
    IReadOnlyList<HistoryEventView>? HistoryEvents,
    [property: Description("False while a sandbox runs (payment provider, payout rail or FX sample rates): no real money moves.")] bool Livemode);
