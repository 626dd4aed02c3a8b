namespace Checkout.Functions.Tests.Api;

/// <summary>The app with FX quotes locked for five seconds, so expiry and requote happen within a test.</summary>
public sealed class ShortQuoteApiApp : ApiApp
{
    public ShortQuoteApiApp()
        : base(new Dictionary<string, string> { ["Fx__Quotes__LockDuration"] = "00:00:05" })
    {
    }
}
