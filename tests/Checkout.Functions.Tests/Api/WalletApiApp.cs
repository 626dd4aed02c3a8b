namespace Checkout.Functions.Tests.Api;

/// <summary>The app with wallet payments approvable for ten seconds: long enough to pay through the test helper on a
/// loaded machine, short enough to see an unpaid one expire within a test.</summary>
public sealed class WalletApiApp : ApiApp
{
    /// <summary>The sandbox wallets' notification secret in Development (appsettings.Development.json).</summary>
    public const string WalletSecret = "dev_wallet_webhook_secret";

    public WalletApiApp()
        : base(new Dictionary<string, string> { ["Checkout__WalletPaymentTtl"] = "00:00:10" })
    {
    }
}
