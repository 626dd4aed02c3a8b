namespace Checkout.Workflows.Wallets;

/// <summary>Section <c>Wallets</c>: how the wallets' notifications are authenticated.</summary>
public sealed class WalletOptions
{
    public const string SectionName = "Wallets";

    /// <summary>The secret the wallet provider signs its notifications with (<c>Wallet-Signature</c>); no secret set
    /// means every notification is refused.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>How far a notification's timestamp may be from now, either way.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
