namespace Checkout.Functions.Tests.Api;

/// <summary>The app with a checkout step tried three times, from 200 ms apart: enough for the sandbox's transient token
/// (two failures, then a capture), and a step that never succeeds ends the checkout within a test.</summary>
public sealed class ShortRetriesApiApp : ApiApp
{
    public ShortRetriesApiApp()
        : base(new Dictionary<string, string> { ["Checkout__StepMaxAttempts"] = "3", ["Checkout__StepFirstRetryInterval"] = "00:00:00.200" })
    {
    }
}
