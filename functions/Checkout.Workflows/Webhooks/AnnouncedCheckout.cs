using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// What a checkout's record last told its merchant: the few fields of the state last recorded that decide which events
/// a transition from it causes (<see cref="CheckoutWebhookEvents"/>), and its sequence. Steps that record carry this
/// rather than that whole state, which was about half of the largest step input in every checkout's engine history.
/// </summary>
public sealed record AnnouncedCheckout(
    int Sequence,
    CheckoutPhase Phase,
    string? QuoteId = null,
    int PaymentAttempts = 0,
    string? WalletPaymentId = null,
    bool Captured = false,
    bool Refunded = false)
{
    public static AnnouncedCheckout Of(CheckoutState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Sequence, state.Phase, state.Quote?.Id, state.PaymentAttempts.Count, state.WalletPaymentId,
            state.CaptureId is not null, state.RefundId is not null);
    }
}
