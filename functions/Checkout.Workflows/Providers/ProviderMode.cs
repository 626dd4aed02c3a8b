using Checkout.Workflows.Fx;
using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Providers;

/// <summary>
/// Whether real money moves, as Stripe's <c>livemode</c>: false while any sandbox runs (the payment provider, the
/// payout rail, or the FX sample rates). Every checkout, payout and webhook event carries it, so a deployment running
/// sandboxes outside Development can never pass for a live one.
/// </summary>
public sealed class ProviderMode(IOptions<ProviderOptions> providers, FxOptions fx)
{
    public bool LiveMode =>
        providers.Value.PaymentProvider != ProviderOptions.Sandbox && providers.Value.PayoutRail != ProviderOptions.Sandbox && !fx.IsSandbox;
}
