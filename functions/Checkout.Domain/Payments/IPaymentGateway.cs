namespace Checkout.Domain.Payments;

/// <summary>
/// The payment service that captures and refunds the buyer's payment. Every call carries an idempotency key: the same
/// key always yields the same capture or refund, so a redelivered step never charges twice. A temporary outage is
/// thrown as <see cref="PaymentServiceUnavailableException"/> (the step is retried); a decline is a result.
/// </summary>
public interface IPaymentGateway
{
    Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken);

    Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);
}
