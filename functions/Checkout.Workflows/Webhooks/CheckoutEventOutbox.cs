using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Puts a transition's merchant events in its outbox: one row (and so one webhooks-queue message) per transition,
/// however many events it caused, committed in the same entity-group batch as the state change, so a crash right
/// after the commit cannot lose them (the sweeper resends the row).
/// </summary>
public sealed class CheckoutEventOutbox(CheckoutWorkflowOptions options)
{
    /// <param name="index">The row's index after the command rows of the same transition.</param>
    public IReadOnlyList<OutboxMessage> Route(CheckoutState before, CheckoutState after, int index, DateTimeOffset now)
    {
        var events = CheckoutWebhookEvents.For(before, after);
        return events.Count == 0
            ? []
            : [new OutboxMessage(CheckoutRows.Outbox(after.Sequence, index), options.WebhooksQueue, new MerchantEventBatch(events).ToJson(), now, now)];
    }
}
