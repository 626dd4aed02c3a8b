using Checkout.Domain.Payments;

namespace Checkout.Domain.Workflow;

/// <summary>
/// One try at charging the buyer: the first comes with the confirm, each later one with a new payment method after a
/// decline. <paramref name="Number"/> numbers the capture's idempotency key, so each attempt is its own charge and a
/// redelivered capture of the same attempt is not.
/// </summary>
/// <param name="TokenSuffix">The payment token's last characters, to tell attempts apart; never the token itself.</param>
/// <param name="At">When the attempt was made (the confirm or the retry request).</param>
/// <param name="Decline">The payment service's reason, once it declined.</param>
/// <param name="Method">A card (the token's) or a wallet.</param>
public sealed record PaymentAttempt(
    int Number, PaymentAttemptStatus Status, string? TokenSuffix, DateTimeOffset At, Rejection? Decline = null, PaymentMethodType Method = PaymentMethodType.Card)
{
    /// <summary>How much of a token is shown; a shorter token shows nothing.</summary>
    private const int SuffixLength = 4;
    private const int MinTokenLengthForSuffix = 12;

    public static PaymentAttempt Start(int number, string paymentToken, DateTimeOffset at, PaymentMethodType method = PaymentMethodType.Card)
    {
        ArgumentNullException.ThrowIfNull(paymentToken);
        var suffix = paymentToken.Length >= MinTokenLengthForSuffix ? paymentToken[^SuffixLength..] : null;
        return new PaymentAttempt(number, PaymentAttemptStatus.Pending, suffix, at, Method: method);
    }
}
