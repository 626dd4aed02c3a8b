namespace Checkout.Workflows.Storage;

/// <summary>Tells this instance's queue listener that it just enqueued work, so the listener polls now instead of
/// waiting out its back-off (the Functions queue trigger's shared watcher does the same).</summary>
public interface IQueueSignal
{
    void Notify(string queueName);
}
