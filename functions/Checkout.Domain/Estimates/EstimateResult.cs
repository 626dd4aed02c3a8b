using Checkout.Domain.Customs;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;

namespace Checkout.Domain.Estimates;

/// <summary>The outcome of <see cref="CheckoutEstimator.Estimate"/>: an <see cref="Estimate"/> or an
/// <see cref="EstimateRejected"/>. Expected outcomes, not exceptions.</summary>
public abstract record EstimateResult;

/// <summary>What the buyer would pay to receive the cart, at a locked FX quote, shipped with the chosen option.</summary>
/// <param name="Shipping">The option chosen by the cart's shipping preference; <see cref="LandedCost"/> is priced with it.</param>
/// <param name="ShippingOptions">Every option that can carry the parcel, ranked by the cart's preference.</param>
/// <param name="CustomsFlags">Restricted goods and similar notes that do not block the sale.</param>
public sealed record Estimate(
    FxQuote Quote,
    LandedCost LandedCost,
    ShippingOption Shipping,
    IReadOnlyList<ShippingOption> ShippingOptions,
    IReadOnlyList<CustomsFlag> CustomsFlags) : EstimateResult;

/// <param name="Code">A stable dotted code from the step that refused: <c>sanctions.*</c>, <c>customs.*</c>,
/// <c>fx.*</c>, <c>logistics.*</c> or <c>landed_cost.*</c>.</param>
public sealed record EstimateRejected(string Code, string Detail) : EstimateResult;
