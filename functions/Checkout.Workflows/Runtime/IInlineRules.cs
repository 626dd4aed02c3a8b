using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Runtime;

/// <summary>Runs a command that is pure rule evaluation (<see cref="CheckoutCommand.RunsInline"/>) in the worker
/// that holds the state, returning the event it produced.</summary>
public interface IInlineRules
{
    CheckoutEvent Run(CheckoutState state, CheckoutCommand command, DateTimeOffset now);
}
