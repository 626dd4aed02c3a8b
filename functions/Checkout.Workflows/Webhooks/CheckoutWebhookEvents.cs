using System.Text.Json.Nodes;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payments;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Events;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// The merchant events one committed transition causes, read off what was announced before it and the state after it
/// (a transition may chain several decisions, e.g. fan-in then pricing). Pure: ids derive from the checkout, times
/// from the state, so a re-decided transition yields the same events.
/// </summary>
public static class CheckoutWebhookEvents
{
    public static IReadOnlyList<MerchantEvent> For(AnnouncedCheckout before, CheckoutState after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var events = new List<MerchantEvent>();
        if (after is { Phase: CheckoutPhase.AwaitingConfirmation, Quote: { } quote } && (before.Phase != after.Phase || before.QuoteId != quote.Id))
        {
            var data = Data(after);
            data["quoteId"] = quote.Id;
            data["quoteExpiresAt"] = quote.ExpiresAt.UtcDateTime;
            data["amountDue"] = after.LandedCost is null ? null : Amount(after.LandedCost.AmountDueAtCheckout);
            events.Add(Event(after, WebhookEventTypes.CheckoutAwaitingConfirmation, data, $".q{after.QuoteCount}"));
        }

        if (RequiresPaymentMethod(before, after) is { } requiresPaymentMethod)
        {
            events.Add(requiresPaymentMethod);
        }

        if (after is { Phase: CheckoutPhase.RequiresAction, NextAction: { } action, WalletPaymentId: { } walletPaymentId }
            && (before.Phase != after.Phase || before.WalletPaymentId != walletPaymentId))
        {
            var data = Data(after);
            data["attempt"] = after.PaymentAttempts.Count;
            data["paymentMethod"] = after.PaymentMethod.ToWire();
            data["nextAction"] = new JsonObject
            {
                ["type"] = action.Type,
                ["qrCodePayload"] = action.QrCodePayload,
                ["redirectUrl"] = action.RedirectUrl,
                ["expiresAt"] = action.ExpiresAt.UtcDateTime,
            };
            data["amountDue"] = after.LandedCost is null ? null : Amount(after.LandedCost.AmountDueAtCheckout);
            events.Add(Event(after, WebhookEventTypes.CheckoutRequiresAction, data, $".a{after.PaymentAttempts.Count}"));
        }

        if (after.CaptureId is { } captureId && !before.Captured)
        {
            events.Add(Event(after, WebhookEventTypes.PaymentCaptured, WithAmount(Data(after), "captureId", captureId, after)));
        }

        if (after.RefundId is { } refundId && !before.Refunded)
        {
            events.Add(Event(after, WebhookEventTypes.PaymentRefunded, WithAmount(Data(after), "refundId", refundId, after)));
        }

        if (before.Phase != after.Phase && Ended(after) is { } ended)
        {
            events.Add(ended);
        }

        return events;
    }

    /// <summary>Each decline that leaves the checkout waiting for a new payment method, one event per attempt.</summary>
    private static MerchantEvent? RequiresPaymentMethod(AnnouncedCheckout before, CheckoutState after)
    {
        if (after.Phase != CheckoutPhase.RequiresPaymentMethod || after.PaymentAttempts.Count == 0
            || (before.Phase == after.Phase && before.PaymentAttempts == after.PaymentAttempts.Count))
        {
            return null;
        }

        var attempt = after.PaymentAttempts[^1];
        var data = Data(after);
        data["attempt"] = attempt.Number;
        data["attemptsRemaining"] = CheckoutState.MaxPaymentAttempts - attempt.Number;
        data["lastPaymentError"] = attempt.Decline is { } decline ? new JsonObject { ["code"] = decline.Code, ["message"] = decline.Detail } : null;
        data["quoteExpiresAt"] = after.Quote?.ExpiresAt.UtcDateTime;
        data["amountDue"] = after.LandedCost is null ? null : Amount(after.LandedCost.AmountDueAtCheckout);
        return Event(after, WebhookEventTypes.CheckoutRequiresPaymentMethod, data, $".a{attempt.Number}");
    }

    private static MerchantEvent? Ended(CheckoutState state)
    {
        var data = Data(state);
        var type = state.Phase switch
        {
            CheckoutPhase.Rejected => WebhookEventTypes.CheckoutRejected,
            CheckoutPhase.Expired => WebhookEventTypes.CheckoutExpired,
            CheckoutPhase.Canceled => WebhookEventTypes.CheckoutCanceled,
            CheckoutPhase.NeedsAttention => WebhookEventTypes.CheckoutNeedsAttention,
            CheckoutPhase.Completed => WebhookEventTypes.CheckoutCompleted,
            CheckoutPhase.Failed => WebhookEventTypes.CheckoutFailed,
            _ => null,
        };
        if (state.Rejection is { } rejection)
        {
            data["reason"] = new JsonObject { ["code"] = rejection.Code, ["detail"] = rejection.Detail };
        }

        data["cancelReason"] = state.Phase == CheckoutPhase.Canceled ? state.CancelReason : null;
        data["payoutId"] = state.Phase == CheckoutPhase.Completed ? state.PayoutId : null;
        return type is null ? null : Event(state, type, data);
    }

    private static MerchantEvent Event(CheckoutState state, string type, JsonObject data, string idSuffix = "") =>
        new($"{state.Id}.{type}{idSuffix}", state.MerchantId, type, state.UpdatedAt, Compact(data));

    private static JsonObject Data(CheckoutState state) => new()
    {
        ["checkoutId"] = state.Id,
        ["merchantReference"] = state.MerchantReference,
        ["status"] = state.Phase.ToStatus(),
    };

    private static JsonObject WithAmount(JsonObject data, string idName, string id, CheckoutState state)
    {
        data[idName] = id;
        data["amount"] = state.LandedCost is null ? null : Amount(state.LandedCost.AmountDueAtCheckout);
        return data;
    }

    private static JsonObject Amount(Money money) => new() { ["value"] = money.ToMinorUnits(), ["currency"] = money.Currency.Value };

    /// <summary>Leaves absent fields out rather than sending nulls.</summary>
    private static JsonObject Compact(JsonObject data)
    {
        foreach (var key in data.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            data.Remove(key);
        }

        return data;
    }
}
