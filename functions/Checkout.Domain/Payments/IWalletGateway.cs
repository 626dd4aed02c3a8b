using Checkout.Domain.Monetary;

namespace Checkout.Domain.Payments;

/// <summary>
/// A wallet provider (Alipay, WeChat Pay): creates a payment the buyer approves in the wallet's app, and closes one that
/// is no longer wanted. The outcome arrives later as the provider's signed notification. Every call carries an
/// idempotency key derived from the checkout and the attempt, so a repeated call returns the same payment.
/// </summary>
public interface IWalletGateway
{
    /// <exception cref="PaymentServiceUnavailableException">The provider did not answer; the step is retried.</exception>
    Task<WalletPayment> CreateAsync(WalletPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Closes the payment so it can no longer be paid; when the buyer had already paid, says so with the
    /// payment's transaction id (the caller then refunds it).</summary>
    Task<WalletCloseResult> CloseAsync(string walletPaymentId, CancellationToken cancellationToken);
}

/// <param name="ExpiresAt">When the wallet stops accepting the buyer's approval.</param>
/// <param name="MerchantId">Echoed back in the wallet's notifications (like Alipay's passback parameters), to find the checkout again.</param>
public sealed record WalletPaymentRequest(string IdempotencyKey, string CheckoutId, string MerchantId, PaymentMethodType Method, Money Amount, DateTimeOffset ExpiresAt);

public sealed record WalletPayment(string WalletPaymentId, NextAction NextAction);

/// <param name="PaidTransactionId">Set when the buyer had paid before the close: the payment stands and must be refunded.</param>
public sealed record WalletCloseResult(string? PaidTransactionId);
