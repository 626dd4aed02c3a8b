namespace Checkout.LocalHost.Queues;

/// <summary>One queue-triggered function: the queue it reads, its handler, and its function name.</summary>
/// <param name="FunctionName">Null only for registrations made without a name (tests of the listener).</param>
public sealed record QueueTriggerRegistration(string QueueName, QueueTriggerHandler Handler, string? FunctionName);
