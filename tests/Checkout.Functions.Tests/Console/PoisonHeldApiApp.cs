using Checkout.Functions.Tests.Api;

namespace Checkout.Functions.Tests.Console;

/// <summary>The app with the payouts queue's function and its poison handler disabled (<c>AzureWebJobs.{name}.Disabled</c>,
/// as an operator would while investigating): a message put in the poison queue stays there for the console, and one
/// moved back stays in the payouts queue where the test can see it.</summary>
public sealed class PoisonHeldApiApp : ApiApp
{
    public PoisonHeldApiApp()
        : base(new Dictionary<string, string> { ["AzureWebJobs.Payouts.Disabled"] = "true", ["AzureWebJobs.PayoutsPoison.Disabled"] = "true" })
    {
    }
}
