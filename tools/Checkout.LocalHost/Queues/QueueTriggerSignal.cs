using Checkout.Workflows.Runtime;

namespace Checkout.LocalHost.Queues;

/// <summary>Routes the workflow runtime's "I just enqueued to X" to the local listener for X, so it polls at once.</summary>
internal sealed class QueueTriggerSignal(QueueTriggerHostedService listeners) : IQueueSignal
{
    public void Notify(string queueName) => listeners.Notify(queueName);
}
