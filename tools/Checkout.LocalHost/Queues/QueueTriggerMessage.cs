namespace Checkout.LocalHost.Queues;

/// <summary>
/// A queue message as a queue-triggered function sees it (the binding data of the Functions queue trigger).
/// <see cref="Text"/> is decoded according to <c>messageEncoding</c>.
/// </summary>
public sealed record QueueTriggerMessage(
    string Id,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleTime,
    string PopReceipt);
