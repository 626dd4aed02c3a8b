namespace Checkout.LocalHost.Queues;

/// <summary>
/// A queue-triggered function. Completing deletes the message; throwing releases it for another try (or sends it to
/// the poison queue after maxDequeueCount tries). The token is cancelled when shutdown outlasts its deadline.
/// </summary>
public delegate Task QueueTriggerHandler(QueueTriggerMessage message, CancellationToken ct);
