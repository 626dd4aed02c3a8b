using Checkout.Domain.Workflow;

namespace Checkout.Domain.Payments;

/// <summary>A refund either went through (<see cref="RefundId"/>) or the payment service refused it (<see cref="Refusal"/>).</summary>
public sealed record RefundResult(string? RefundId, Rejection? Refusal = null)
{
    public static RefundResult Refunded(string refundId) => new(refundId);

    public static RefundResult Refused(string code, string detail) => new(null, new Rejection(code, detail));
}
