using Checkout.Storage.Queues;

namespace Checkout.Functions.Hosting.QueueTriggers;

/// <summary>Which handler runs for which queue: one listener per entry when the app runs standalone.</summary>
public sealed class QueueTriggerRegistry
{
    private readonly List<(string QueueName, QueueTriggerHandler Handler)> _registrations = [];

    public IReadOnlyList<(string QueueName, QueueTriggerHandler Handler)> Registrations => _registrations;

    /// <summary>Registers a handler; a queue may have only one, as a Functions app may bind one function per queue here.</summary>
    public QueueTriggerRegistry Add(string queueName, QueueTriggerHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!QueueServiceClient.IsValidQueueName(queueName))
        {
            throw new ArgumentException($"'{queueName}' is not a valid queue name.", nameof(queueName));
        }

        if (_registrations.Exists(r => r.QueueName == queueName))
        {
            throw new InvalidOperationException($"Queue '{queueName}' already has a trigger handler.");
        }

        _registrations.Add((queueName, handler));
        return this;
    }
}
