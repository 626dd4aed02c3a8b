namespace Checkout.Workflows.Refunds;

/// <summary>The refund orchestration's activity functions, by name (part of every history in flight: never rename one).</summary>
public static class RefundActivities
{
    public const string CallGateway = "RefundCallGateway";
    public const string Finish = "RefundFinish";
}
