namespace Checkout.Storage.Queues;

/// <summary>A received message; <see cref="PopReceipt"/> is needed to delete or update it while it is invisible.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn);
