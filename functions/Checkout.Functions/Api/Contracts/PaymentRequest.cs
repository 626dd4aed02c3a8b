using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>How the buyer pays: a card tokenized by the payment service, or a wallet.</summary>
internal sealed record PaymentRequest(
    [property: Description("card (the default), alipay or wechat_pay. A wallet payment needs presentmentCurrency CNY and takes no token; after the confirm the checkout is requires_action with a nextAction for the buyer.")] string? Method = null,
    [property: Description("For a card: a payment-service token, e.g. tok_sandbox_success. Not allowed with a wallet.")] string? Token = null);
