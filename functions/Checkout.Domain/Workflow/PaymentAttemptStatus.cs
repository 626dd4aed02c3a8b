namespace Checkout.Domain.Workflow;

/// <summary>Where one payment attempt stands; the API shows it in lower case.</summary>
public enum PaymentAttemptStatus
{
    /// <summary>Sent to the payment service; its answer is not in yet.</summary>
    Pending,
    Captured,
    Declined,

    /// <summary>A wallet payment the buyer did not approve before it expired or was closed: nothing was charged.</summary>
    Expired,
}
