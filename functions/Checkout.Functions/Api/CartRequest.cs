using Checkout.Domain.Carts;

namespace Checkout.Functions.Api;

/// <summary>A validated checkout or estimate request: the cart and what the merchant sent about it.</summary>
/// <param name="PaymentToken">Null for an estimate, which takes no payment.</param>
internal sealed record CartRequest(string MerchantReference, Cart Cart, string? PaymentToken);
