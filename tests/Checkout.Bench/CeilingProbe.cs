using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Testing;

namespace Checkout.Bench;

/// <summary>
/// The Azurite ceiling for a storage mix: synthetic checkouts that issue the measured operations per checkout, by
/// kind, straight through the app's own storage clients with no business logic, as many in parallel as the load run had. Each one
/// works on its own partition with rows of realistic size; queue deletes and visibility updates use messages the probe
/// itself received.
/// </summary>
internal sealed class CeilingProbe : IDisposable
{
    private static readonly string StatePayload = new('s', 1500);
    private readonly StorageClients _clients;
    private readonly TableClient _table;
    private readonly QueueClient _queue;
    private readonly ConcurrentQueue<(string Id, string PopReceipt)> _held = new();
    private readonly StorageMix _mix;
    private long _skipped;

    public CeilingProbe(string connectionString, string prefix, StorageMix mix)
    {
        _mix = mix;
        _clients = new StorageClients(connectionString);
        _table = _clients.Tables.GetTableClient("t" + prefix + "ceiling");
        _queue = _clients.Queues.GetQueueClient(prefix + "-ceiling");
    }

    /// <summary>Kinds the probe can issue; any other kind in the mix is reported as not modelled.</summary>
    public static IReadOnlyList<string> ModelledKinds { get; } =
    [
        "Table.Batch", "Table.AddEntity", "Table.UpsertEntity", "Table.UpdateEntity", "Queue.SendMessage", "Table.Query",
        "Table.GetEntity", "Queue.ReceiveMessages", "Queue.UpdateMessage", "Queue.DeleteMessage", "Table.DeleteEntity",
        "Queue.GetProperties", "Queue.PeekMessages",
    ];

    public async Task<CeilingFigures> RunAsync(int concurrency, TimeSpan duration, CancellationToken ct)
    {
        await _table.CreateIfNotExistsAsync(ct);
        await _queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var before = _clients.Counters.Snapshot();
        long next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); clock.Elapsed < duration; i = Interlocked.Increment(ref next))
            {
                await SyntheticCheckoutAsync(i, ct);
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var done = (int)Interlocked.Read(ref next) - concurrency + 1;
        var issued = new StorageSnapshot(_clients.Counters.Snapshot()).Minus(new StorageSnapshot(before));
        return new CeilingFigures(
            done,
            seconds,
            done / seconds,
            issued.Total / seconds,
            StorageMix.From(issued, done).PerCheckout,
            [.. _mix.PerCheckout.Keys.Except(ModelledKinds).Where(k => !k.EndsWith(".Create", StringComparison.Ordinal) && k != "Table.CreateTable")]);
    }

    public long Skipped => Interlocked.Read(ref _skipped);

    public void Dispose() => _clients.Dispose();

    private async Task SyntheticCheckoutAsync(long index, CancellationToken ct)
    {
        var partition = "s" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var kind in ModelledKinds)
        {
            for (var n = 0; n < _mix.CountFor(kind, index); n++)
            {
                await IssueAsync(kind, partition, n, ct);
            }
        }
    }

    private Task IssueAsync(string kind, string partition, int n, CancellationToken ct) => kind switch
    {
        "Table.Batch" => _table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, "state") { ["State"] = StatePayload }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"h{n:D4}") { ["Event"] = "Synthetic" }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"o{n:D4}") { ["Message"] = "synthetic" }),
            ], ct),
        "Table.AddEntity" => _table.AddEntityAsync(new TableEntity(partition, $"a{n:D4}") { ["Value"] = n }, ct),
        "Table.UpsertEntity" => _table.UpsertEntityAsync(new TableEntity(partition, $"u{n:D4}") { ["Value"] = n }, cancellationToken: ct),
        "Table.UpdateEntity" => _table.UpdateEntityAsync(new TableEntity(partition, "state") { ["Touched"] = n }, ETag.All, cancellationToken: ct),
        "Queue.SendMessage" => _queue.SendMessageAsync($"{{\"checkoutId\":\"{partition}\",\"step\":{n}}}", ct),
        "Table.Query" => DrainAsync(_table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"o"}"), cancellationToken: ct)),
        "Table.GetEntity" => _table.GetEntityIfExistsAsync<TableEntity>(partition, "state", cancellationToken: ct),
        "Queue.ReceiveMessages" => ReceiveAsync(ct),
        "Queue.UpdateMessage" => WithHeldAsync(async m => _held.Enqueue((m.Id, (await _queue.UpdateMessageAsync(m.Id, m.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(5), cancellationToken: ct)).Value.PopReceipt))),
        "Queue.DeleteMessage" => WithHeldAsync(m => _queue.DeleteMessageAsync(m.Id, m.PopReceipt, ct)),
        "Table.DeleteEntity" => DeleteIfExistsAsync(partition, $"o{n:D4}", ct),
        "Queue.GetProperties" => _queue.GetPropertiesAsync(ct),
        "Queue.PeekMessages" => _queue.PeekMessagesAsync(1, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a modelled kind."),
    };

    private async Task ReceiveAsync(CancellationToken ct)
    {
        foreach (var message in (await _queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(5), ct)).Value)
        {
            _held.Enqueue((message.MessageId, message.PopReceipt));
        }
    }

    /// <summary>Runs the operation on a message this probe holds; with none held it is skipped and counted, so the
    /// issued mix (reported next to the target) shows any shortfall.</summary>
    private Task WithHeldAsync(Func<(string Id, string PopReceipt), Task> operation)
    {
        if (_held.TryDequeue(out var message))
        {
            return operation(message);
        }

        Interlocked.Increment(ref _skipped);
        return Task.CompletedTask;
    }

    private async Task DeleteIfExistsAsync(string partition, string row, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(partition, row, cancellationToken: ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The row this delete aimed at was never written: the request still cost what a delete costs.
        }
    }

    private static async Task DrainAsync(IAsyncEnumerable<TableEntity> rows)
    {
        await foreach (var _ in rows)
        {
        }
    }
}
