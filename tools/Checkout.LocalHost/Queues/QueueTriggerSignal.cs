using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Queues;

/// <summary>Routes the app's "I just enqueued to X" (webhook events, delivery attempts) to the local listener for X, so it
/// polls at once.</summary>
internal sealed class QueueTriggerSignal(QueueTriggerHostedService listeners) : IQueueSignal
{
    public void Notify(string queueName) => listeners.Notify(queueName);
}
