namespace Checkout.Domain.Payments;

/// <summary>What the buyer must do for a wallet payment to go through, as Stripe's <c>next_action</c>: scan a QR code
/// with the wallet app (<see cref="QrCode"/>, WeChat Pay's Native payment) or be sent to the wallet's page
/// (<see cref="Redirect"/>, Alipay's cross-border web payment), before <see cref="ExpiresAt"/>.</summary>
/// <param name="Type"><c>qr_code</c> or <c>redirect</c>.</param>
/// <param name="QrCodePayload">For <c>qr_code</c>: the text the QR code encodes.</param>
/// <param name="RedirectUrl">For <c>redirect</c>: where to send the buyer.</param>
public sealed record NextAction(string Type, string? QrCodePayload, string? RedirectUrl, DateTimeOffset ExpiresAt)
{
    public const string QrCode = "qr_code";
    public const string Redirect = "redirect";
}
