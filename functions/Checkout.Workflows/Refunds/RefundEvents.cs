using System.Text.Json.Nodes;
using Checkout.Workflows.Events;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Refunds;

/// <summary>The merchant events of finished refunds: <c>payment.refunded</c> (as the cancel-after-capture refund
/// announces it, with the refund in <c>refund</c>) or <c>refund.failed</c>. Ids derive from the refund id, so a
/// repeated step publishes the same event and receivers dedupe on <c>webhook-id</c>.</summary>
public static class RefundEvents
{
    /// <summary>The event a finished refund announces, or null while it is pending.</summary>
    public static MerchantEvent? For(Refund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var type = refund.Status switch
        {
            RefundStatuses.Succeeded => WebhookEventTypes.PaymentRefunded,
            RefundStatuses.Failed => WebhookEventTypes.RefundFailed,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        var data = new JsonObject
        {
            ["checkoutId"] = refund.CheckoutId,
            ["refundId"] = refund.Id,
            ["amount"] = Amount(refund),
            ["refund"] = Data(refund),
        };
        return new MerchantEvent($"{refund.Id}.{type}", refund.MerchantId, type, refund.UpdatedAt, data);
    }

    /// <summary>The refund as the API shows it.</summary>
    public static JsonObject Data(Refund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var data = new JsonObject
        {
            ["id"] = refund.Id,
            ["checkoutId"] = refund.CheckoutId,
            ["status"] = refund.Status,
            ["amount"] = Amount(refund),
            ["reason"] = refund.Reason,
            ["balanceEffect"] = refund.BalanceEffect,
            ["failureCode"] = refund.FailureCode,
            ["failureMessage"] = refund.FailureMessage,
            ["createdAt"] = refund.CreatedAt.UtcDateTime,
            ["updatedAt"] = refund.UpdatedAt.UtcDateTime,
        };
        foreach (var absent in data.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            data.Remove(absent);
        }

        return data;
    }

    private static JsonObject Amount(Refund refund) =>
        new() { ["value"] = refund.Amount.ToMinorUnits(), ["currency"] = refund.Amount.Currency.Value };
}
