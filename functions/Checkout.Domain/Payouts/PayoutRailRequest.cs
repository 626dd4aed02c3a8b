using Checkout.Domain.Monetary;

namespace Checkout.Domain.Payouts;

/// <param name="MerchantId">Echoed back in the rail's webhooks (like Stripe metadata), to find the payout again.</param>
public sealed record PayoutRailRequest(string IdempotencyKey, string PayoutId, string MerchantId, Money Amount, PayoutDestination Destination);
