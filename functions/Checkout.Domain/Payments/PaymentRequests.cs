using Checkout.Domain.Monetary;

namespace Checkout.Domain.Payments;

public sealed record CaptureRequest(string IdempotencyKey, string CheckoutId, string PaymentToken, Money Amount);

public sealed record RefundRequest(string IdempotencyKey, string CheckoutId, string CaptureId, Money Amount);
