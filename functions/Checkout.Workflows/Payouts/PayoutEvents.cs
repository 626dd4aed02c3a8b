using System.Text.Json.Nodes;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Events;

namespace Checkout.Workflows.Payouts;

/// <summary>The merchant events of payouts. Ids derive from the payout (and attempt, for failures, since each failed
/// attempt is news), so a redelivered step publishes the same event again and receivers dedupe on <c>webhook-id</c>.</summary>
public static class PayoutEvents
{
    public const string Paid = "payout.paid";
    public const string Failed = "payout.failed";

    /// <summary>The event a final status announces, or null (in transit, pending).</summary>
    public static MerchantEvent? For(Payout payout, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return payout.Status switch
        {
            PayoutStatus.Paid => new MerchantEvent($"{payout.Id}.{Paid}", payout.MerchantId, Paid, at, Data(payout)),
            PayoutStatus.Failed or PayoutStatus.Canceled =>
                new MerchantEvent($"{payout.IdempotencyKey}.{Failed}", payout.MerchantId, Failed, at, Data(payout)),
            _ => null,
        };
    }

    public static JsonObject Data(Payout payout)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return new JsonObject
        {
            ["id"] = payout.Id,
            ["checkoutId"] = payout.CheckoutId,
            ["amount"] = new JsonObject { ["value"] = payout.Amount.ToMinorUnits(), ["currency"] = payout.Amount.Currency.Value },
            ["status"] = payout.Status.ToWire(),
            ["attempt"] = payout.Attempt,
            ["failureCode"] = payout.FailureCode,
            ["failureMessage"] = payout.FailureMessage,
        };
    }
}
