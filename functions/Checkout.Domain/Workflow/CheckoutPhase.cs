namespace Checkout.Domain.Workflow;

/// <summary>Where a checkout is in its workflow. <see cref="CheckoutPhaseExtensions.ToStatus"/> gives the wire name.</summary>
public enum CheckoutPhase
{
    Created,
    Quoting,
    Checking,
    AwaitingConfirmation,
    Capturing,

    /// <summary>A wallet payment waits for the buyer to approve it in the wallet's app (<see cref="CheckoutState.NextAction"/>).</summary>
    RequiresAction,

    /// <summary>The capture was declined: waiting for a new payment method until the quote expires.</summary>
    RequiresPaymentMethod,

    PayingOut,
    Refunding,
    Completed,
    Rejected,
    Expired,
    Canceled,
    Failed,
    NeedsAttention,
}
