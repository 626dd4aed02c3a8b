using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;

namespace Checkout.Workflows.Runtime;

/// <summary>Turns the state machine's commands into outbox messages: steps on the work queue, timers on the timers
/// queue with their due time. Row keys derive from the transition's sequence number, never from a GUID.</summary>
public sealed class CommandRouter(CheckoutWorkflowOptions options)
{
    public IReadOnlyList<OutboxMessage> Route(CheckoutState state, IReadOnlyList<CheckoutCommand> commands, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(commands);
        return commands.Select((command, index) => ToMessage(state, command, index, now)).ToList();
    }

    private OutboxMessage ToMessage(CheckoutState state, CheckoutCommand command, int index, DateTimeOffset now)
    {
        var (queue, item, visibleAt) = command switch
        {
            RequestFxQuote c => (options.WorkQueue, new WorkItem(state.Id, WorkSteps.FxQuote, c.QuoteId), now),
            CheckCustoms => (options.WorkQueue, new WorkItem(state.Id, WorkSteps.Customs), now),
            PlanLogistics => (options.WorkQueue, new WorkItem(state.Id, WorkSteps.Logistics), now),
            CapturePayment => (options.WorkQueue, new WorkItem(state.Id, WorkSteps.Capture), now),
            RefundPayment => (options.WorkQueue, new WorkItem(state.Id, WorkSteps.Refund), now),
            HandOffToPayout => (options.WorkQueue, new WorkItem(state.Id, WorkSteps.Payout), now),
            ScheduleQuoteExpiry c => (options.TimersQueue, new WorkItem(state.Id, WorkSteps.QuoteExpiry, c.QuoteId, c.DueAt), c.DueAt),
            _ => throw new InvalidOperationException($"Command {command.GetType().Name} has no queue route (inline commands never reach the router)."),
        };
        return new OutboxMessage(CheckoutRows.Outbox(state.Sequence, index), queue, item.ToJson(), visibleAt, now);
    }
}
