using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>
/// The body of <c>POST /api/checkouts</c>, for the OpenAPI document. The API reads bodies with
/// <see cref="CartRequestParser"/> (which names every bad field); a test checks this contract accepts the samples it does.
/// </summary>
[Description("A cart to check out. Amounts are integers in minor units.")]
internal sealed record StartCheckoutRequest(
    [property: Description("The merchant's own order reference, 1 to 100 characters.")] string MerchantReference,
    [property: Description("ISO 4217 currency the buyer pays in.")] string PresentmentCurrency,
    [property: Description("DDP (duties paid at checkout) or DAP (paid on delivery).")] string Incoterm,
    BuyerAddressRequest Buyer,
    AddressRequest ShipFrom,
    [property: Description("1 to 100 items.")] IReadOnlyList<CartItemRequest> Items,
    PaymentRequest Payment,
    ShippingRequest? Shipping = null);
