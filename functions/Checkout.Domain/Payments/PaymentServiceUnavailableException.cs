namespace Checkout.Domain.Payments;

/// <summary>The payment service could not answer (timeout, 5xx): the call may be retried with the same key.</summary>
public sealed class PaymentServiceUnavailableException : Exception
{
    public PaymentServiceUnavailableException()
    {
    }

    public PaymentServiceUnavailableException(string message)
        : base(message)
    {
    }

    public PaymentServiceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
