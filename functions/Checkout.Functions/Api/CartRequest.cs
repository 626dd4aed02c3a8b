using Checkout.Domain.Buyers;
using Checkout.Domain.Carts;
using Checkout.Domain.Payments;

namespace Checkout.Functions.Api;

/// <summary>A validated checkout or estimate request: the cart and what the merchant sent about it.</summary>
/// <param name="Payment">Null for an estimate, which takes no payment.</param>
/// <param name="Identity">The buyer's identity for Chinese customs: required to start a checkout to CN, else optional.</param>
internal sealed record CartRequest(string MerchantReference, Cart Cart, PaymentChoice? Payment, BuyerIdentity? Identity = null);

/// <summary>How the buyer pays: a card's token, or a wallet (with an empty token).</summary>
internal sealed record PaymentChoice(PaymentMethodType Method, string Token);
