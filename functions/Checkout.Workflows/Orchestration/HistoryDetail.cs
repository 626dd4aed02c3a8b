using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Orchestration;

/// <summary>A short, personal-data-free line for each history row.</summary>
internal static class HistoryDetail
{
    public static string? Describe(CheckoutEvent @event) => @event switch
    {
        FxQuoted e => $"quote {e.Quote.Id} expires {e.Quote.ExpiresAt:O}",
        FxQuoteFailed e => $"{e.Reason.Code}: {e.Reason.Detail}",
        CustomsScreened e => e.Refusal is null ? "admissible" + (e.Flags.Count > 0 ? " (" + string.Join(", ", e.Flags) + ")" : string.Empty) : $"{e.Refusal.Code}: {e.Refusal.Detail}",
        LogisticsPlanned e => e.Chosen is null ? $"{e.Refusal?.Code}: {e.Refusal?.Detail}" : $"{e.Chosen.Carrier} {e.Chosen.Service}",
        LandedCostPriced e => $"total {e.LandedCost.Total}",
        LandedCostRefused e => $"{e.Reason.Code}: {e.Reason.Detail}",
        ConfirmRequested e => $"quote {e.QuoteId}",
        CancelRequested e => e.Reason,
        QuoteExpiryDue e => $"quote {e.QuoteId}",
        PaymentCaptured e => e.CaptureId,
        PaymentDeclined e => $"{e.Reason.Code}: {e.Reason.Detail}",
        PaymentRetryRequested e => $"attempt {e.Attempt}" + (e.Method == Domain.Payments.PaymentMethodType.Card ? string.Empty : $" with {Domain.Payments.PaymentMethodTypes.ToWire(e.Method)}"),
        WalletActionRequired e => $"{e.NextAction.Type} until {e.NextAction.ExpiresAt:O}",
        WalletPaymentExpired e => $"{e.WalletPaymentId} unpaid; nothing charged",
        WalletPaymentClosed e => $"{e.WalletPaymentId} closed unpaid",
        PaymentRefunded e => e.RefundId,
        PayoutHandedOff e => e.PayoutId,
        StepPoisoned e => $"{e.Step}: {e.Detail}",
        _ => null,
    };
}
