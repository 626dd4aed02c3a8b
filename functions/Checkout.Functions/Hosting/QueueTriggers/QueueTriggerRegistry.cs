using Azure.Storage.Queues.Models;
using Checkout.Workflows;
using Checkout.Workflows.Storage;

namespace Checkout.Functions.Hosting.QueueTriggers;

/// <summary>
/// The queue-triggered functions: one listener per entry when the app runs standalone, one <c>POST /{FunctionName}</c>
/// endpoint per entry under the Functions host, and one generated function.json per entry.
/// </summary>
public sealed class QueueTriggerRegistry
{
    /// <summary>The storage connection app setting used when a registration names none, as in Azure Functions.</summary>
    public const string DefaultConnection = StorageAccountSettings.SettingName;

    private readonly List<QueueTriggerRegistration> _registrations = [];

    public IReadOnlyList<QueueTriggerRegistration> Registrations => _registrations;

    /// <summary>Declares the queue-triggered function <paramref name="functionName"/> on <paramref name="queueName"/>.</summary>
    public QueueTriggerRegistry Add(string functionName, string queueName, QueueTriggerHandler handler, string connection = DefaultConnection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        return Add(new QueueTriggerRegistration(queueName, handler, functionName, connection));
    }

    /// <summary>Registers an unnamed handler: enough for the standalone listener, not for the Functions host.</summary>
    public QueueTriggerRegistry Add(string queueName, QueueTriggerHandler handler) =>
        Add(new QueueTriggerRegistration(queueName, handler, null, DefaultConnection));

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
