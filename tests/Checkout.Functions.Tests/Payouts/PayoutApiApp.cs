using Checkout.Functions.Tests.Api;

namespace Checkout.Functions.Tests.Payouts;

/// <summary>The app with a known rail webhook secret and a one-second payout status poll.</summary>
public sealed class PayoutApiApp : ApiApp
{
    public const string RailSecret = "rail_api_test_secret";

    public PayoutApiApp()
        : base(new Dictionary<string, string> { ["Payouts__RailWebhookSecret"] = RailSecret, ["Payouts__StatusPollInterval"] = "00:00:01" })
    {
    }
}
