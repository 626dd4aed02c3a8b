using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>One try at charging the buyer, as the status view lists them.</summary>
[Description("One payment attempt: the confirm's, then one per POST .../payment after a decline.")]
internal sealed record PaymentAttemptView(
    [property: Description("1 for the confirm's attempt, then 2, 3, ... up to 5.")] int Number,
    [property: Description("card, alipay or wechat_pay.")] string Method,
    [property: Description("pending, captured, declined or expired (a wallet payment not approved in time).")] string Status,
    [property: Description("The payment token's last four characters, to tell attempts apart; never the token. Absent for tokens under 12 characters.")]
    string? TokenSuffix,
    [property: Description("When declined: the payment service's reason.")] PaymentErrorView? Decline,
    [property: Description("When the attempt was made.")] DateTimeOffset At);
