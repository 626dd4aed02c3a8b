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

    /// <summary>The checkout after <paramref name="events"/>, each decided by the state machine as the orchestration
    /// decides it (refused and ignored ones change nothing), stopping once it has ended; each applied event's entry is
    /// added to <paramref name="timeline"/>. A step that records its own result computes it with this, so the row it
    /// writes is the state the orchestration reaches.</summary>
    public static CheckoutState Apply(CheckoutState state, IEnumerable<CheckoutEvent> events, List<HistoryEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(timeline);
        foreach (var @event in events)
        {
            if (HasEnded(state))
            {
                break;
            }

            var decision = CheckoutStateMachine.Decide(state, @event);
            if (decision.Outcome == DecisionOutcome.Applied)
            {
                state = decision.State;
                timeline.Add(Entry(state, @event));
            }
        }

        return state;
    }

    /// <summary>Ended for the orchestration: a terminal status, or waiting for an operator.</summary>
    public static bool HasEnded(CheckoutState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase.HasEnded();
    }

    public static HistoryEntry Entry(CheckoutState after, CheckoutEvent @event)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(@event);
        return new HistoryEntry(after.Sequence, @event.Name, @event.At, after.Phase.ToStatus(), HistoryDetail.Describe(@event));
    }
}
