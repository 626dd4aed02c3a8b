namespace Checkout.Workflows.Orchestration;

/// <summary>The checkout orchestration's activity functions, by name (the names are part of every history in flight:
/// never rename one).</summary>
public static class CheckoutActivities
{
    public const string QuoteFx = "CheckoutQuoteFx";
    public const string ScreenCustoms = "CheckoutScreenCustoms";
    public const string PlanLogistics = "CheckoutPlanLogistics";
    public const string PriceLandedCost = "CheckoutPriceLandedCost";
    public const string Capture = "CheckoutCapture";
    public const string Refund = "CheckoutRefund";
    public const string HandOffToPayout = "CheckoutHandOffToPayout";
    public const string Record = "CheckoutRecord";
}
