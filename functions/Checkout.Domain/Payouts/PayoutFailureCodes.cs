namespace Checkout.Domain.Payouts;

/// <summary>Failure codes, as Stripe names them for payouts (see cross-border-rules §5.1).</summary>
public static class PayoutFailureCodes
{
    public const string AccountClosed = "account_closed";
    public const string InvalidAccountNumber = "invalid_account_number";
    public const string CouldNotProcess = "could_not_process";

    /// <summary>Ours, before any rail call: the merchant has not given a payout destination yet.</summary>
    public const string NoAccount = "no_account";
}
