using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>
/// What the ledger needs to know about one succeeded refund of a completed checkout.
/// </summary>
/// <param name="RefundId">The refund's id (<c>{checkoutId}-r{n}</c>), which is also its transaction id.</param>
/// <param name="Refunded">What goes back to the buyer, in the presentment currency.</param>
/// <param name="CaptureNet">The merchant's net proceeds of the capture, in the presentment currency (what the capture
/// converted), as the capture posted them.</param>
/// <param name="CaptureCredited">What the capture credited to the merchant's balance for <paramref name="CaptureNet"/>,
/// in the settlement currency. The two fix the rate the merchant was credited at, so the refund is charged back at the
/// same rate and the merchant never pays a second FX spread.</param>
public sealed record RefundFacts(string RefundId, string MerchantId, Money Refunded, Money CaptureNet, Money CaptureCredited, DateTimeOffset At);
