namespace Checkout.Domain.Payments;

/// <summary>How the buyer pays: a card through the payment service's token, or a Chinese wallet that the buyer approves
/// in its own app, so the payment authorizes asynchronously.</summary>
public enum PaymentMethodType
{
    Card,
    Alipay,
    WeChatPay,
}

public static class PaymentMethodTypes
{
    /// <summary>The wire name (<c>card</c>, <c>alipay</c>, <c>wechat_pay</c>).</summary>
    public static string ToWire(this PaymentMethodType method) => method switch
    {
        PaymentMethodType.Card => "card",
        PaymentMethodType.Alipay => "alipay",
        PaymentMethodType.WeChatPay => "wechat_pay",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown payment method."),
    };

    public static bool TryParse(string? wire, out PaymentMethodType method)
    {
        method = wire switch
        {
            "card" => PaymentMethodType.Card,
            "alipay" => PaymentMethodType.Alipay,
            "wechat_pay" => PaymentMethodType.WeChatPay,
            _ => (PaymentMethodType)(-1),
        };
        return Enum.IsDefined(method);
    }

    public static bool IsWallet(this PaymentMethodType method) => method is PaymentMethodType.Alipay or PaymentMethodType.WeChatPay;
}
