using Checkout.Workflows.Runtime;

namespace Checkout.Functions.Hosting.QueueTriggers;

/// <summary>Routes the workflow runtime's "I just enqueued to X" to the standalone listener for X.</summary>
internal sealed class QueueTriggerSignal(QueueTriggerHostedService listeners) : IQueueSignal
{
    public void Notify(string queueName) => listeners.Notify(queueName);
}
