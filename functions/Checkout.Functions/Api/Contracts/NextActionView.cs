using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>What the buyer must do for a wallet payment, as Stripe's <c>next_action</c>.</summary>
[Description("What the buyer must do to approve a wallet payment: scan a QR code with the wallet app (WeChat Pay) or follow a redirect (Alipay), before expiresAt.")]
internal sealed record NextActionView(
    [property: Description("qr_code or redirect.")] string Type,
    [property: Description("For qr_code: the text to render as the QR code.")] string? QrCodePayload,
    [property: Description("For redirect: where to send the buyer.")] string? RedirectUrl,
    [property: Description("After this the wallet payment can no longer be approved and the checkout ends expired, with nothing charged.")] DateTimeOffset ExpiresAt);
