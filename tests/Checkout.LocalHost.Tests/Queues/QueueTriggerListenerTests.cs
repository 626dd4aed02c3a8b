using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using Checkout.Testing;
using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Tests.Queues;

/// <summary>Delivery, retry and poison semantics of the standalone queue trigger, against Azurite.</summary>
public sealed class QueueTriggerListenerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Wait = QueueTriggerTestContext.Wait;

    [Fact]
    public async Task Success_DeletesTheMessage_AndHandlerGetsDecodedTextAndMetadata()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-ok");
        var seen = new ConcurrentQueue<QueueTriggerMessageSnapshot>();
        await ctx.StartAsync((m, _) =>
        {
            seen.Enqueue(new(m.Id, m.Text, m.DequeueCount));
            return Task.CompletedTask;
        });

        var sent = await ctx.Queue.SendMessageAsync("héllo <checkout> & 🚚");
        await Eventually.UntilAsync(ctx.VisibleOrInvisibleCountAsync, c => c == 0 && !seen.IsEmpty, Wait, "the message was handled and deleted");

        var message = Assert.Single(seen);
        Assert.Equal(new QueueTriggerMessageSnapshot(sent.Value.MessageId, "héllo <checkout> & 🚚", 1), message);
        Assert.Equal(1, ctx.ListenerStorage.Counters.Get("Queue.DeleteMessage"));
        Assert.Equal(0, await ctx.PoisonCountAsync());
    }

    [Fact]
    public async Task FailingOnce_IsReleasedAndRetried_ThenDeleted()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-retry");
        var attempts = new ConcurrentQueue<long>();
        await ctx.StartAsync((m, _) =>
        {
            attempts.Enqueue(m.DequeueCount);
            return m.DequeueCount == 1 ? throw new InvalidOperationException("transient") : Task.CompletedTask;
        });

        await ctx.Queue.SendMessageAsync("retry me");
        await Eventually.UntilAsync(ctx.VisibleOrInvisibleCountAsync, c => c == 0 && attempts.Count == 2, Wait, "the retry succeeded");

        Assert.Equal([1, 2], attempts.ToArray());
        Assert.Equal(0, await ctx.PoisonCountAsync());
    }

    [Fact]
    public async Task AlwaysFailing_GoesToPoisonAfterExactlyMaxDequeueCountTries()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-poison");
        var attempts = new ConcurrentQueue<long>();
        await ctx.StartAsync((m, _) =>
        {
            attempts.Enqueue(m.DequeueCount);
            throw new InvalidOperationException("always");
        });

        await ctx.Queue.SendMessageAsync("doomed order");
        await Eventually.UntilAsync(ctx.PoisonCountAsync, c => c == 1, Wait, "the message reached the poison queue");
        await Eventually.UntilAsync(ctx.VisibleOrInvisibleCountAsync, c => c == 0, Wait, "the original was deleted");

        Assert.Equal([1, 2, 3, 4, 5], attempts.Order().ToArray());
        Assert.Equal("doomed order", Assert.Single((await ctx.Poison.PeekMessagesAsync()).Value).Body.ToString());
    }

    [Fact]
    public async Task OverDelivered_GoesStraightToPoison_WithoutRunningTheHandler()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-over");
        await ctx.Queue.CreateIfNotExistsAsync();
        await ctx.Queue.SendMessageAsync("delivered too often");
        for (var i = 0; i < 5; i++)
        {
            // Five deliveries that never settled (e.g. crashed workers): the listener's receive is the sixth.
            var m = Assert.Single((await ctx.Queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value);
            await ctx.Queue.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        var calls = 0;
        await ctx.StartAsync((_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        await Eventually.UntilAsync(ctx.PoisonCountAsync, c => c == 1, Wait, "the message reached the poison queue");
        await Eventually.UntilAsync(ctx.VisibleOrInvisibleCountAsync, c => c == 0, Wait, "the original was deleted");
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task NotBase64_GoesStraightToPoison_KeepingItsText()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-b64");
        await ctx.Queue.CreateIfNotExistsAsync();
        await ctx.RawQueue.SendMessageAsync("this is {not} base64!");
        var calls = 0;
        await ctx.StartAsync((_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        await Eventually.UntilAsync(ctx.PoisonCountAsync, c => c == 1, Wait, "the message reached the poison queue");

        var poisonRaw = ctx.Storage.RawQueues.GetQueueClient(ctx.Poison.Name);
        Assert.Equal("this is {not} base64!", Assert.Single((await poisonRaw.PeekMessagesAsync()).Value).Body.ToString());
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task NoneEncoding_PassesTextThrough()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-none");
        var seen = new ConcurrentQueue<string>();
        var options = QueueTriggerTestContext.FastOptions();
        options.MessageEncoding = QueueMessageEncoding.None;
        await ctx.StartAsync((m, _) =>
        {
            seen.Enqueue(m.Text);
            return Task.CompletedTask;
        }, options);

        await ctx.RawQueue.SendMessageAsync("plain {json: true}");

        await Eventually.UntilAsync(() => Task.FromResult(seen.Count), c => c == 1, Wait, "the message was handled");
        Assert.Equal("plain {json: true}", Assert.Single(seen));
    }

    [Fact]
    public async Task QueueNamedPoison_GetsNoPoisonQueueOfItsOwn_AndKeepsRetrying()
    {
        var poisonName = UniqueName.Queue("trig-self") + "-poison";
        await using var ctx = new QueueTriggerTestContext(azurite, string.Empty, poisonName);
        var attempts = 0;
        await ctx.StartAsync((_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("still failing");
        });

        await ctx.Queue.SendMessageAsync("poisoned twice");

        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref attempts)), n => n >= 7, Wait, "the message was retried past maxDequeueCount");
        Assert.Equal(1, await ctx.VisibleOrInvisibleCountAsync());
        var nested = await Assert.ThrowsAsync<RequestFailedException>(() => ctx.Poison.GetPropertiesAsync());
        Assert.True(StorageErrors.IsQueueNotFound(nested), nested.Message);
    }

    private sealed record QueueTriggerMessageSnapshot(string Id, string Text, long DequeueCount);
}
