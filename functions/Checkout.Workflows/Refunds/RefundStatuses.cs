namespace Checkout.Workflows.Refunds;

/// <summary>A refund's status on the wire.</summary>
public static class RefundStatuses
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
