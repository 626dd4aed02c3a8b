using Checkout.Domain.Payouts;

namespace Checkout.Workflows.Providers;

/// <summary>The sandbox rail's test bank account numbers and what each does (mirrored in the README).</summary>
public static class SandboxPayoutAccounts
{
    public const string PaidAtOnce = "000123456789";
    public const string PaidLater = "000555555559";
    public const string AccountClosed = "000111111113";
    public const string InvalidAccountNumber = "000111111116";
    public const string CouldNotProcessLater = "000222222227";
    public const string CanceledLater = "000444444440";
    public const string UnavailableTwice = "000333333335";

    public enum Behaviour
    {
        PaidAtOnce,
        PaidLater,
        AccountClosed,
        InvalidAccountNumber,
        CouldNotProcessLater,
        CanceledLater,
        UnavailableTwice,
        Unknown,
    }

    public static Behaviour For(string accountNumber) => accountNumber switch
    {
        PaidAtOnce => Behaviour.PaidAtOnce,
        PaidLater => Behaviour.PaidLater,
        AccountClosed => Behaviour.AccountClosed,
        InvalidAccountNumber => Behaviour.InvalidAccountNumber,
        CouldNotProcessLater => Behaviour.CouldNotProcessLater,
        CanceledLater => Behaviour.CanceledLater,
        UnavailableTwice => Behaviour.UnavailableTwice,
        _ => Behaviour.Unknown,
    };

    public static (PayoutStatus Status, string? FailureCode) AtCreation(Behaviour behaviour) => behaviour switch
    {
        Behaviour.PaidAtOnce or Behaviour.UnavailableTwice => (PayoutStatus.Paid, null),
        Behaviour.PaidLater or Behaviour.CouldNotProcessLater or Behaviour.CanceledLater => (PayoutStatus.InTransit, null),
        Behaviour.AccountClosed => (PayoutStatus.Failed, PayoutFailureCodes.AccountClosed),
        _ => (PayoutStatus.Failed, PayoutFailureCodes.InvalidAccountNumber),
    };

    public static (PayoutStatus Status, string? FailureCode) AtSettlement(Behaviour behaviour) => behaviour switch
    {
        Behaviour.CouldNotProcessLater => (PayoutStatus.Failed, PayoutFailureCodes.CouldNotProcess),
        Behaviour.CanceledLater => (PayoutStatus.Canceled, null),
        _ => (PayoutStatus.Paid, null),
    };

    public static string Describe(string failureCode) => failureCode switch
    {
        PayoutFailureCodes.AccountClosed => "The bank account has been closed.",
        PayoutFailureCodes.InvalidAccountNumber => "The bank account number is not valid.",
        PayoutFailureCodes.CouldNotProcess => "The bank could not process this payout.",
        PayoutFailureCodes.NoAccount => "No payout destination is set; PUT /api/payout-destination.",
        _ => "The payout failed.",
    };
}
