namespace Checkout.Workflows.Payouts;

public enum PayoutRetryOutcome
{
    NotFound,

    /// <summary>In transit or paid: there is nothing to retry.</summary>
    NotRetryable,

    /// <summary>A failed or canceled payout started a new attempt.</summary>
    Retried,

    /// <summary>Still pending: its current attempt was sent to the rail again (same idempotency key).</summary>
    Resent,
}

/// <summary>What a retry did, and the payout as it now stands.</summary>
public sealed record PayoutRetryResult(PayoutRetryOutcome Outcome, Payout? Payout);
