using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;

namespace Checkout.Workflows.Orchestration;

/// <summary>The merchant-facing timeline of a checkout: one entry per applied event, numbered by the state's sequence.</summary>
public static class CheckoutTimeline
{
    /// <summary>The first transition, decided the same way by the start API (which records it) and by the orchestration
    /// (which goes on from it).</summary>
    public static (CheckoutState State, HistoryEntry Entry, IReadOnlyList<CheckoutCommand> Commands) Start(CheckoutState created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var started = new CheckoutStarted(created.CreatedAt);
        var decision = CheckoutStateMachine.Decide(created, started);
        if (decision.Outcome != DecisionOutcome.Applied)
        {
            throw new InvalidOperationException($"Checkout {created.Id} is {created.Phase}, not newly created.");
        }

        return (decision.State, Entry(decision.State, started), decision.Commands);
    }

    public static HistoryEntry Entry(CheckoutState after, CheckoutEvent @event)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(@event);
        return new HistoryEntry(after.Sequence, @event.Name, @event.At, after.Phase.ToStatus(), HistoryDetail.Describe(@event));
    }
}
