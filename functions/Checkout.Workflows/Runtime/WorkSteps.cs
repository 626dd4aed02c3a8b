namespace Checkout.Workflows.Runtime;

/// <summary>Step names carried in <see cref="WorkItem.Step"/>; also used in logs and history.</summary>
public static class WorkSteps
{
    public const string FxQuote = "fx-quote";
    public const string Customs = "customs";
    public const string Logistics = "logistics";
    public const string Capture = "capture";
    public const string Refund = "refund";
    public const string Payout = "payout";
    public const string QuoteExpiry = "quote-expiry";
}
