using Checkout.Storage;
using Checkout.Storage.Queues;
using Checkout.Testing;

namespace Checkout.Storage.Tests.Queues;

/// <summary>Deleting, updating and clearing messages and managing queues against Azurite, including the error paths.</summary>
public sealed class QueueClientMessageLifecycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly QueueServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Delete_WithCurrentPopReceipt_RemovesTheMessage()
    {
        var queue = await NewQueueAsync("delete");
        await queue.SendMessageAsync("bye");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
        Assert.Empty(await queue.PeekMessagesAsync(32));
    }

    [Fact]
    public async Task Delete_WithStalePopReceiptAfterRedelivery_FailsWithPopReceiptMismatch()
    {
        var queue = await NewQueueAsync("stale");
        await queue.SendMessageAsync("twice");
        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));
        var second = (await Eventually.UntilAsync(() => queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)), m => m.Count == 1, Wait, "the message was redelivered"))[0];

        var ex = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));

        Assert.Equal(2, second.DequeueCount);
        Assert.Equal(400, ex.Status);
        Assert.Equal(StorageErrorCodes.PopReceiptMismatch, ex.ErrorCode);
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task Delete_AlreadyDeletedMessage_FailsWithMessageNotFound()
    {
        var queue = await NewQueueAsync("gone");
        await queue.SendMessageAsync("x");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        var ex = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));

        Assert.Equal(404, ex.Status);
        Assert.Equal(StorageErrorCodes.MessageNotFound, ex.ErrorCode);
    }

    [Fact]
    public async Task Update_ReturnsNewPopReceiptThatWorks_AndTheOldOneFails()
    {
        var queue = await NewQueueAsync("update");
        await queue.SendMessageAsync("v1");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        var updated = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.FromMinutes(2), "v2");

        Assert.NotEqual(message.PopReceipt, updated.PopReceipt);
        Assert.True(updated.NextVisibleOn > DateTimeOffset.UtcNow.AddSeconds(60));
        var stale = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        Assert.Equal(StorageErrorCodes.PopReceiptMismatch, stale.ErrorCode);
        await queue.UpdateMessageAsync(message.MessageId, updated.PopReceipt, TimeSpan.Zero);
        var again = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));
        Assert.Equal("v2", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task Update_WithoutText_KeepsTheText()
    {
        var queue = await NewQueueAsync("keeptext");
        await queue.SendMessageAsync("same");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero);

        Assert.Equal("same", Assert.Single(await queue.PeekMessagesAsync()).MessageText);
    }

    [Fact]
    public async Task ApproximateCount_AndClear()
    {
        var queue = await NewQueueAsync("count");
        for (var i = 0; i < 4; i++)
        {
            await queue.SendMessageAsync("m");
        }

        Assert.Equal(4, await queue.GetApproximateMessageCountAsync());
        await queue.ClearMessagesAsync();
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task CreateIfNotExists_And_DeleteIfExists_AreIdempotent()
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("idem"));

        await queue.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        await queue.DeleteIfExistsAsync();
        await queue.DeleteIfExistsAsync();

        var ex = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.GetApproximateMessageCountAsync());
        Assert.Equal(StorageErrorCodes.QueueNotFound, ex.ErrorCode);
    }

    [Fact]
    public async Task Operations_OnMissingQueue_FailWithQueueNotFound()
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("missing"));

        var send = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.SendMessageAsync("x"));
        var receive = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));
        var clear = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.ClearMessagesAsync());

        Assert.All([send, receive, clear], ex =>
        {
            Assert.Equal(404, ex.Status);
            Assert.Equal(StorageErrorCodes.QueueNotFound, ex.ErrorCode);
        });
        Assert.Contains("Queue.SendMessage", send.Message, StringComparison.Ordinal);
    }

    private async Task<QueueClient> NewQueueAsync(string prefix, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var queue = _service.GetQueueClient(UniqueName.Queue(prefix), new QueueClientOptions { MessageEncoding = encoding });
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
