namespace Checkout.LocalHost.Queues;

internal enum QueueListenerState
{
    NotStarted,
    Receiving,
    WaitingForCapacity,
    WaitingForMessages,

    /// <summary>Receiving has stopped; in-flight handlers are finishing.</summary>
    Draining,
    Stopped,
}
