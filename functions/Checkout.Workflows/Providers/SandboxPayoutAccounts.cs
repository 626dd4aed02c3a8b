using Checkout.Domain.Payouts;
using Checkout.Domain.Payouts.BankAccounts;

namespace Checkout.Workflows.Providers;

/// <summary>The sandbox rail's test bank accounts and what each does (mirrored in the README). A trigger is an account
/// whose number ends in the trigger's last 9 digits, in any country's scheme: the US account numbers below as they are,
/// or for instance the Pakistani IBAN <see cref="PakistanPaidAtOnce"/>, whose account part ends in 123456789. Any other
/// account fails as <c>invalid_account_number</c>.</summary>
public static class SandboxPayoutAccounts
{
    private const int TriggerDigits = 9;

    public const string PaidAtOnce = "000123456789";
    public const string PaidLater = "000555555559";
    public const string AccountClosed = "000111111113";
    public const string InvalidAccountNumber = "000111111116";
    public const string CouldNotProcessLater = "000222222227";
    public const string CanceledLater = "000444444440";
    public const string UnavailableTwice = "000333333335";

    /// <summary>Valid accounts of the other schemes that are paid at once, for samples and the demo.</summary>
    public static readonly string PakistanPaidAtOnce = Iban.Compose("PK", "SCBL0000000123456789");
    public const string MacauPaidAtOnce = "9000123456789";
    public const string HongKongPaidAtOnce = "123456789";
    public const string ChinaCardPaidAtOnce = "6222020123456789";

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

    public static Behaviour For(BankAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var digits = account.Digits;
        return digits.Length < TriggerDigits ? Behaviour.Unknown : ForTrigger("000" + digits[^TriggerDigits..]);
    }

    private static Behaviour ForTrigger(string accountNumber) => accountNumber switch
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
