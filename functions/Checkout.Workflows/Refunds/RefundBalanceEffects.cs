namespace Checkout.Workflows.Refunds;

/// <summary>What a succeeded refund did to the merchant's balance (its <c>balanceEffect</c> on the wire).</summary>
public static class RefundBalanceEffects
{
    /// <summary>The checkout's payout had failed and its funds were still on the balance: the refund came out of them
    /// (the payout's retry sends what is left).</summary>
    public const string Reversed = "reversed";

    /// <summary>The checkout's payout was paid or on its way: the balance went below zero by the refund, and that deficit
    /// is deducted from the merchant's next payout.</summary>
    public const string CarriedToNextPayout = "carried_to_next_payout";
}
