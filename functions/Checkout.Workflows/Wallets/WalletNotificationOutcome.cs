namespace Checkout.Workflows.Wallets;

/// <summary>What became of a wallet notification: the HTTP edge answers 200 for all but <see cref="Unauthenticated"/>
/// (401) and <see cref="Malformed"/> (400), so the wallet stops resending what was handled.</summary>
public enum WalletNotificationOutcome
{
    /// <summary>Verified and raised into the checkout's orchestration.</summary>
    Accepted,

    /// <summary>Verified, but already handled (a replay): nothing changed.</summary>
    Duplicate,

    /// <summary>Verified, but the checkout no longer waits on that payment (or is unknown): nothing changed.</summary>
    Ignored,

    Unauthenticated,

    Malformed,
}
