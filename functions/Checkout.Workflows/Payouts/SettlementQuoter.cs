using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;

namespace Checkout.Workflows.Payouts;

/// <summary>Quotes the conversion of a merchant's proceeds into its settlement currency with the domain's
/// <see cref="FxQuoter"/> (reference rates plus spread policy). The quote's time is the capture's, so a redelivered
/// hand-off quotes the same rates.</summary>
public sealed class SettlementQuoter(FxQuoter quoter)
{
    /// <summary>Settlement units → presentment units (the leg's source is the settlement currency).</summary>
    /// <exception cref="InvalidOperationException">No usable rates: the step fails and is retried, then needs attention.</exception>
    public FxQuote Quote(string checkoutId, CurrencyCode settlement, CurrencyCode presentment, DateTimeOffset capturedAt) =>
        quoter.Quote($"{checkoutId}-settlement", [settlement], presentment, capturedAt) switch
        {
            FxQuoteIssued issued => issued.Quote,
            FxQuoteRefused refused => throw new InvalidOperationException($"Cannot settle {presentment} in {settlement}: {refused.Detail}"),
            var other => throw new InvalidOperationException($"Unexpected FX quote result {other.GetType().Name}."),
        };
}
