namespace Checkout.Functions.Tests.Api;

/// <summary>The app with FX quotes locked for ten seconds: short enough that the first quote expires within a test,
/// long enough that a confirm of the requote reaches it in time on a loaded machine (five seconds did not, once).</summary>
public sealed class RequoteApiApp : ApiApp
{
    public RequoteApiApp()
        : base(new Dictionary<string, string> { ["Fx__Quotes__LockDuration"] = "00:00:10" })
    {
    }
}
