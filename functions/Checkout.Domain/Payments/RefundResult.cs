namespace Checkout.Domain.Payments;

public sealed record RefundResult(string RefundId);
