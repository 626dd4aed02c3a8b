namespace Checkout.Storage.Queues;

/// <summary>A message seen without dequeuing it: no pop receipt, dequeue count unchanged.</summary>
public sealed record PeekedMessage(string MessageId, string MessageText, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn);
