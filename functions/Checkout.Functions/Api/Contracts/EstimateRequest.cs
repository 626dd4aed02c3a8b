using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>POST /api/estimates</c>: a checkout without payment.</summary>
[Description("A cart to price. Amounts are integers in minor units.")]
internal sealed record EstimateRequest(
    string MerchantReference,
    string PresentmentCurrency,
    [property: Description("DDP or DAP.")] string Incoterm,
    BuyerAddressRequest Buyer,
    AddressRequest ShipFrom,
    IReadOnlyList<CartItemRequest> Items,
    ShippingRequest? Shipping = null);
