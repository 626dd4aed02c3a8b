namespace Checkout.Functions.Hosting.QueueTriggers;

/// <summary>One queue-triggered function: the queue it reads, its handler, and the name the Azure Functions host knows
/// it by (its function.json folder and its <c>POST /{FunctionName}</c> invocation path in custom-handler mode).</summary>
/// <param name="FunctionName">Null only for registrations made without a name (tests of the listener); the function
/// catalog refuses those, since the Functions host could not invoke them.</param>
/// <param name="Connection">The app setting holding the storage connection string, as in function.json.</param>
public sealed record QueueTriggerRegistration(string QueueName, QueueTriggerHandler Handler, string? FunctionName, string Connection);
