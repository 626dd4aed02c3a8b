namespace Checkout.Domain.Workflow;

/// <summary>Where one payment attempt stands; the API shows it in lower case.</summary>
public enum PaymentAttemptStatus
{
    /// <summary>Sent to the payment service; its answer is not in yet.</summary>
    Pending,
    Captured,
    Declined,
}
