using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>
/// What the ledger needs to know about a captured checkout.
/// </summary>
/// <param name="LandedCost">What the buyer was charged, itemized, in the presentment currency.</param>
/// <param name="SettlementCurrency">The merchant's balance currency.</param>
/// <param name="SettlementQuote">Converts the settlement currency into the presentment currency (its leg's source is
/// <paramref name="SettlementCurrency"/>); null when both are the same currency. Issued once by the caller and
/// carried with the fact, so a redelivery posts the same amounts even if rates moved meanwhile.</param>
/// <param name="ProcessingFeeBps">The platform's fee on the amount charged, in basis points.</param>
public sealed record CaptureFacts(
    string CheckoutId,
    string MerchantId,
    LandedCost LandedCost,
    CurrencyCode SettlementCurrency,
    FxQuote? SettlementQuote,
    int ProcessingFeeBps,
    DateTimeOffset At);
