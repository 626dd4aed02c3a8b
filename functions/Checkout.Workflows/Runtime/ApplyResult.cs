using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Runtime;

/// <summary>The outcome of applying an event: the decision, or null when the checkout does not exist.</summary>
public sealed record ApplyResult(CheckoutDecision? Decision)
{
    public bool Found => Decision is not null;

    public CheckoutState? State => Decision?.State;
}
