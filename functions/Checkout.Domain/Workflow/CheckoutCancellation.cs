namespace Checkout.Domain.Workflow;

/// <summary>Cancel before capture ends the checkout; cancel after capture refunds first (compensation).</summary>
internal static class CheckoutCancellation
{
    public static CheckoutDecision Decide(CheckoutState state, CancelRequested e)
    {
        if (state.Phase.IsTerminal())
        {
            return CheckoutStateMachine.Refuse(state, "checkout.terminal", $"The checkout is already {state.Phase.ToStatus()}.");
        }

        if (state.Phase == CheckoutPhase.Refunding || state.CancelReason is not null)
        {
            return CheckoutStateMachine.Ignore(state);
        }

        var canceling = state with { CancelReason = e.Reason };
        return state.Phase switch
        {
            // The capture is in flight: remember the cancel; the capture's result decides between refund and cancel.
            CheckoutPhase.Capturing => CheckoutStateMachine.Apply(canceling, e),

            // The buyer may be approving the wallet payment right now: close it; the close says whether it was paid
            // (then refunded, like a capture the cancel overtook) or not (then canceled).
            CheckoutPhase.RequiresAction => CheckoutStateMachine.Apply(canceling, e, new CloseWalletPayment(state.WalletPaymentId!)),
            _ when state.CaptureId is not null => CheckoutStateMachine.Apply(
                canceling with { Phase = CheckoutPhase.Refunding },
                e,
                new RefundPayment(CheckoutStateMachine.RefundKey(state), state.CaptureId, CheckoutStateMachine.DueAtCheckout(state))),
            _ => CheckoutStateMachine.Apply(canceling with { Phase = CheckoutPhase.Canceled }, e),
        };
    }
}
