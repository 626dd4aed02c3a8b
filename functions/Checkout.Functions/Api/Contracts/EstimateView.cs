using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of a 200 from <c>POST /api/estimates</c>.</summary>
[Description("A priced cart: quote, landed cost for the chosen shipping option, and every option.")]
internal sealed record EstimateView(
    QuoteView Quote,
    LandedCostView LandedCost,
    ShippingView Shipping,
    IReadOnlyList<ShippingView> ShippingOptions,
    IReadOnlyList<string> CustomsFlags);
