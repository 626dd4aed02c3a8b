using Azure.Storage.Queues.Models;
using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Queues;

/// <summary>The queue-triggered functions the local host listens for: one listener per entry.</summary>
public sealed class QueueTriggerRegistry
{
    private readonly List<QueueTriggerRegistration> _registrations = [];

    public IReadOnlyList<QueueTriggerRegistration> Registrations => _registrations;

    /// <summary>Declares the queue-triggered function <paramref name="functionName"/> on <paramref name="queueName"/>.</summary>
    public QueueTriggerRegistry Add(string functionName, string queueName, QueueTriggerHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        return Add(new QueueTriggerRegistration(queueName, handler, functionName));
    }

    /// <summary>Registers an unnamed handler (tests of the listener).</summary>
    public QueueTriggerRegistry Add(string queueName, QueueTriggerHandler handler) =>
        Add(new QueueTriggerRegistration(queueName, handler, null));

    private QueueTriggerRegistry Add(QueueTriggerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration.Handler);
        if (!QueueNames.IsValid(registration.QueueName))
        {
            throw new ArgumentException($"'{registration.QueueName}' is not a valid queue name.", nameof(registration));
        }

        // A queue may have only one handler, as a Functions app binds one function per queue here.
        if (_registrations.Exists(r => r.QueueName == registration.QueueName))
        {
            throw new InvalidOperationException($"Queue '{registration.QueueName}' already has a trigger handler.");
        }

        if (registration.FunctionName is not null && _registrations.Exists(r => string.Equals(r.FunctionName, registration.FunctionName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A queue-triggered function named '{registration.FunctionName}' is already registered.");
        }

        _registrations.Add(registration);
        return this;
    }
}
