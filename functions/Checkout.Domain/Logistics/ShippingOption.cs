using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Logistics;

/// <summary>One way to ship the cart: a carrier's service priced from its rate card for this parcel.</summary>
/// <param name="Cost">In the carrier's rate-card currency (<see cref="RateCardCurrency"/>), rounded to its minor unit;
/// the workflow converts it with the FX quote, which includes a leg for that currency.</param>
/// <param name="ChargeableWeightKg">max(actual, volumetric), rounded up to the service's weight step.</param>
/// <param name="Flags">Things the merchant or carrier must act on, e.g. <c>dangerous_goods.UN3481</c>.</param>
/// <param name="Channel">Whether the parcel enters the destination by post or by courier; some customs thresholds
/// depend on it (Canada). Defaults to courier only so that callers built before this parameter existed keep
/// compiling; the planner always sets it from the carrier data.</param>
public sealed record ShippingOption(
    string Carrier,
    string Service,
    Money Cost,
    int TransitDaysMin,
    int TransitDaysMax,
    decimal ChargeableWeightKg,
    IReadOnlyList<string> Flags,
    ShippingChannel Channel = ShippingChannel.Courier)
{
    public CurrencyCode RateCardCurrency => Cost.Currency;
}
