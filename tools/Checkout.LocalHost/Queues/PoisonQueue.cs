using Azure;
using Azure.Storage.Queues;
using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Queues;

/// <summary>
/// The <c>&lt;queue&gt;-poison</c> queue of a triggered queue, created on first use. There is none for a queue whose
/// name already ends in <c>-poison</c> or is too long to take the suffix (as in the Functions extension).
/// </summary>
internal sealed class PoisonQueue
{
    public const string Suffix = "-poison";

    private readonly QueueClient? _poison;

    /// <param name="rawQueues">A client factory with <see cref="QueueMessageEncoding.None"/>: poison copies keep the wire text as is.</param>
    public PoisonQueue(string queueName, Func<string, QueueClient> rawQueues)
    {
        var name = NameFor(queueName);
        _poison = name is null ? null : rawQueues(name);
    }

    public bool Exists => _poison is not null;

    public string? Name => _poison?.Name;

    public static string? NameFor(string queueName) =>
        queueName.EndsWith(Suffix, StringComparison.Ordinal) || !QueueNames.IsValid(queueName + Suffix)
            ? null
            : queueName + Suffix;

    /// <summary>Adds a copy of the message text; the caller deletes the original afterwards.</summary>
    public async Task AddAsync(string wireText, CancellationToken ct)
    {
        var poison = _poison ?? throw new InvalidOperationException("This queue has no poison queue.");
        try
        {
            await poison.SendMessageAsync(wireText, cancellationToken: ct);
        }
        catch (RequestFailedException ex) when (StorageErrors.IsQueueNotFound(ex))
        {
            await poison.CreateIfNotExistsAsync(cancellationToken: ct);
            await poison.SendMessageAsync(wireText, cancellationToken: ct);
        }
    }
}
