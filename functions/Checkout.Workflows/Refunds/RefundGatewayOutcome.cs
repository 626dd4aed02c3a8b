namespace Checkout.Workflows.Refunds;

/// <summary>What the payment service said about a refund: its refund id, or the code and message of its refusal.</summary>
/// <param name="PayoutId">The checkout's payout, where the merchant's debit comes from.</param>
public sealed record RefundGatewayOutcome(
    string MerchantId, string CheckoutId, string RefundId, string PayoutId, string? GatewayRefundId, string? FailureCode, string? FailureMessage);
