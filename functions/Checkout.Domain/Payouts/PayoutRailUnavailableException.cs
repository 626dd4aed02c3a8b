namespace Checkout.Domain.Payouts;

/// <summary>The payout rail could not answer (timeout, 5xx): the call may be retried with the same key.</summary>
public sealed class PayoutRailUnavailableException : Exception
{
    public PayoutRailUnavailableException()
    {
    }

    public PayoutRailUnavailableException(string message)
        : base(message)
    {
    }

    public PayoutRailUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
