namespace Checkout.Workflows.Orchestration;

/// <summary>The checkout orchestration's activity functions, by name (the names are part of every history in flight:
/// never rename one).</summary>
public static class CheckoutActivities
{
    /// <summary>The FX quote and every rule step after it up to the wait for the buyer, in one activity
    /// (<see cref="Steps.CheckoutAssessment"/>).</summary>
    public const string Assess = "CheckoutAssess";

    // The four rule steps as activities of their own, as checkouts started before the assessment was one activity
    // still call them on replay.
    public const string QuoteFx = "CheckoutQuoteFx";
    public const string ScreenCustoms = "CheckoutScreenCustoms";
    public const string PlanLogistics = "CheckoutPlanLogistics";
    public const string PriceLandedCost = "CheckoutPriceLandedCost";
    public const string Capture = "CheckoutCapture";

    /// <summary>The card capture, then the payout hand-off and the record of the end, in one activity
    /// (<see cref="Steps.CheckoutSteps.CaptureAndHandOffAsync"/>).</summary>
    public const string CaptureAndHandOff = "CheckoutCaptureAndHandOff";
    public const string CreateWalletPayment = "CheckoutCreateWalletPayment";
    public const string CloseWalletPayment = "CheckoutCloseWalletPayment";
    public const string Refund = "CheckoutRefund";
    public const string HandOffToPayout = "CheckoutHandOffToPayout";
    public const string Record = "CheckoutRecord";
}
