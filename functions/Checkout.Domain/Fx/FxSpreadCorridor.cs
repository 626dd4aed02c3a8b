using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>A spread for one direction of one pair (<paramref name="From"/> → <paramref name="To"/>), overriding the
/// groups: a negotiated or high-volume corridor. The reverse direction is a separate corridor.</summary>
public sealed record FxSpreadCorridor(CurrencyCode From, CurrencyCode To, int SpreadBps);
