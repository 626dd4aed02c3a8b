namespace Checkout.Functions.Tests.Api;

/// <summary>The app with FX quotes locked for fifteen seconds: long enough to confirm on a loaded machine, short enough
/// to see the quote expire within a test.</summary>
public sealed class DeclineExpiryApiApp : ApiApp
{
    public DeclineExpiryApiApp()
        : base(new Dictionary<string, string> { ["Fx__Quotes__LockDuration"] = "00:00:15" })
    {
    }
}
