namespace Checkout.Domain.Workflow;

public static class CheckoutPhaseExtensions
{
    /// <summary>Terminal phases never change again; <see cref="CheckoutPhase.NeedsAttention"/> waits for an operator.</summary>
    public static bool IsTerminal(this CheckoutPhase phase) => phase is CheckoutPhase.Completed or CheckoutPhase.Rejected
        or CheckoutPhase.Expired or CheckoutPhase.Canceled or CheckoutPhase.Failed;

    /// <summary>Ended for the workflow: terminal, or waiting for an operator. Nothing the workflow does moves it on.</summary>
    public static bool HasEnded(this CheckoutPhase phase) => phase.IsTerminal() || phase == CheckoutPhase.NeedsAttention;

    /// <summary>The snake_case status the HTTP API shows.</summary>
    public static string ToStatus(this CheckoutPhase phase) => phase switch
    {
        CheckoutPhase.Created => "created",
        CheckoutPhase.Quoting => "quoting",
        CheckoutPhase.Checking => "checking",
        CheckoutPhase.AwaitingConfirmation => "awaiting_confirmation",
        CheckoutPhase.Capturing => "capturing",
        CheckoutPhase.RequiresAction => "requires_action",
        CheckoutPhase.RequiresPaymentMethod => "requires_payment_method",
        CheckoutPhase.PayingOut => "paying_out",
        CheckoutPhase.Refunding => "refunding",
        CheckoutPhase.Completed => "completed",
        CheckoutPhase.Rejected => "rejected",
        CheckoutPhase.Expired => "expired",
        CheckoutPhase.Canceled => "canceled",
        CheckoutPhase.Failed => "failed",
        CheckoutPhase.NeedsAttention => "needs_attention",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown checkout phase."),
    };
}
