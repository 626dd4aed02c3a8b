using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Testing;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Tests.Storage;

/// <summary>The counters the benchmark prices a checkout in: every request the SDK clients send, by kind, on Azurite.</summary>
public sealed class StorageOperationCountingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TableOperations_EachCountedOnceUnderItsKind()
    {
        using var clients = new StorageClients(azurite.ConnectionString);
        var table = clients.Tables.GetTableClient(UniqueName.Table("count"));

        await table.CreateIfNotExistsAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "a") { ["N"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "u") { ["N"] = 2 });
        await table.UpdateEntityAsync(new TableEntity("p", "a") { ["N"] = 3 }, added.Headers.ETag!.Value, TableUpdateMode.Replace);
        await table.GetEntityOrNullAsync("p", "a", CancellationToken.None);
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")))
        {
        }

        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "b"))]);
        await table.DeleteEntityAsync("p", "b");
        await table.DeleteAsync();

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["Table.AddEntity"] = 1, ["Table.Batch"] = 1, ["Table.CreateTable"] = 1, ["Table.DeleteEntity"] = 1,
                ["Table.DeleteTable"] = 1, ["Table.GetEntity"] = 1, ["Table.Query"] = 1, ["Table.UpdateEntity"] = 1,
                ["Table.UpsertEntity"] = 1,
            },
            clients.Counters.Snapshot());
    }

    [Fact]
    public async Task QueueOperations_EachCountedOnceUnderItsKind()
    {
        using var clients = new StorageClients(azurite.ConnectionString);
        var queue = clients.Queues.GetQueueClient(UniqueName.Queue("count"));

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("one");
        await queue.PeekMessagesAsync();
        var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value.Single();
        var updated = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        await queue.DeleteMessageAsync(received.MessageId, updated.Value.PopReceipt);
        await queue.GetPropertiesAsync();
        await queue.ClearMessagesAsync();
        await queue.DeleteAsync();

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["Queue.ClearMessages"] = 1, ["Queue.Create"] = 1, ["Queue.Delete"] = 1, ["Queue.DeleteMessage"] = 1,
                ["Queue.GetProperties"] = 1, ["Queue.PeekMessages"] = 1, ["Queue.ReceiveMessages"] = 1, ["Queue.SendMessage"] = 1,
                ["Queue.UpdateMessage"] = 1,
            },
            clients.Counters.Snapshot());
    }

    [Fact]
    public async Task Retry_CountsEveryAttempt_AndTheRetryOnceMore()
    {
        var counters = new StorageOperationCounters();
        using var handler = new FailFirstAttempts(1) { InnerHandler = new HttpClientHandler() };
        var options = new QueueClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(new StorageOperationCountingPolicy(counters, StorageService.Queue), HttpPipelinePosition.PerRetry);
        var queue = new QueueServiceClient(azurite.ConnectionString, options).GetQueueClient(UniqueName.Queue("retry"));

        await queue.CreateIfNotExistsAsync();

        Assert.Equal(2, counters.Get("Queue.Create"));
        Assert.Equal(1, counters.Retries);
        Assert.Equal(2, counters.Total);
    }

    /// <summary>Answers 503 ServerBusy to the first requests without sending them, as a busy account does.</summary>
    private sealed class FailFirstAttempts(int failures) : DelegatingHandler
    {
        private int _remaining = failures;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _remaining) >= 0
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request })
                : base.SendAsync(request, cancellationToken);
    }
}
