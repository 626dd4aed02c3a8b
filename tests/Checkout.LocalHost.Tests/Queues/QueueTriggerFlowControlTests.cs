using System.Collections.Concurrent;
using Checkout.LocalHost.Queues;
using Checkout.Testing;

namespace Checkout.LocalHost.Tests.Queues;

/// <summary>Visibility renewal, concurrency limits, Notify and graceful shutdown, against Azurite.</summary>
public sealed class QueueTriggerFlowControlTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Wait = QueueTriggerTestContext.Wait;

    [Fact]
    public async Task SlowHandler_KeepsItsMessageInvisibleBeyondTheReceiveWindow()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-renew");
        var options = QueueTriggerTestContext.FastOptions();
        options.ReceiveVisibilityTimeout = TimeSpan.FromSeconds(2);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await ctx.StartAsync(async (_, _) =>
        {
            Interlocked.Increment(ref calls);
            started.TrySetResult();
            await release.Task;
        }, options);
        await ctx.Queue.SendMessageAsync("slow");
        await started.Task.WaitAsync(Wait);

        // A competing consumer polls all along; three renewals at half the 2 s window means the message has been
        // held for at least 3 s, past the window it was received with.
        var stolen = 0;
        await Eventually.UntilAsync(
            async () =>
            {
                stolen += (await ctx.Queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value.Length;
                return ctx.ListenerStorage.Counters.Get("Queue.UpdateMessage");
            },
            renewals => renewals >= 3,
            Wait,
            "the listener renewed visibility three times");
        release.SetResult();
        await Eventually.UntilAsync(ctx.VisibleOrInvisibleCountAsync, c => c == 0, Wait, "the message was deleted with the renewed pop receipt");

        Assert.Equal(0, stolen);
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Concurrency_NewBatchOnlyAtThreshold_AndNeverMoreThanBatchSizePlusThreshold()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-conc");
        await ctx.Queue.CreateIfNotExistsAsync();
        for (var i = 0; i < 12; i++)
        {
            await ctx.Queue.SendMessageAsync($"m{i}");
        }

        var options = QueueTriggerTestContext.FastOptions();
        options.BatchSize = 4;
        options.NewBatchThreshold = 2;
        var gate = new SemaphoreSlim(0);
        int started = 0, running = 0, maxRunning = 0, done = 0;
        var listener = await ctx.StartAsync(async (_, _) =>
        {
            Interlocked.Increment(ref started);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            await gate.WaitAsync(CancellationToken.None);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref done);
        }, options);

        await UntilAsync(() => listener.State == QueueListenerState.WaitingForCapacity && Volatile.Read(ref started) == 4, "the first batch of 4 runs and the listener waits");
        Assert.Equal(4, listener.InFlightCount);

        gate.Release(2);
        await UntilAsync(() => listener.State == QueueListenerState.WaitingForCapacity && Volatile.Read(ref started) == 8 && listener.InFlightCount == 6, "a second batch arrived at the threshold");

        gate.Release(100);
        await UntilAsync(() => Volatile.Read(ref done) == 12, "every message was handled");
        Assert.Equal(6, Volatile.Read(ref maxRunning));
    }

    [Fact]
    public async Task Notify_CutsAnIdleBackoffShort()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-notify");
        var options = QueueTriggerTestContext.FastOptions();
        // The first empty poll is followed by a wait of at least five minutes unless Notify interrupts it.
        options.MinPollingInterval = TimeSpan.FromMinutes(5);
        options.MaxPollingInterval = TimeSpan.FromMinutes(10);
        var handled = 0;
        var listener = await ctx.StartAsync((_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        }, options);
        await UntilAsync(() => listener.State == QueueListenerState.WaitingForMessages, "the listener found the queue empty and is backing off");

        await ctx.Queue.SendMessageAsync("wake up");
        listener.Notify();

        await UntilAsync(() => Volatile.Read(ref handled) == 1, "the notified listener polled at once");
        Assert.Equal(2, ctx.ListenerStorage.Counters.Get("Queue.ReceiveMessages"));
    }

    [Fact]
    public async Task Shutdown_StopsReceiving_AndWaitsForInFlightHandlers()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-drain");
        var options = QueueTriggerTestContext.FastOptions();
        options.ShutdownTimeout = TimeSpan.FromMinutes(5);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<string>();
        var cancelledSeen = false;
        var listener = await ctx.StartAsync(async (m, ct) =>
        {
            started.TrySetResult();
            await release.Task;
            cancelledSeen = ct.IsCancellationRequested;
            handled.Enqueue(m.Text);
        }, options);
        await ctx.Queue.SendMessageAsync("in flight");
        await started.Task.WaitAsync(Wait);

        var stop = listener.StopAsync(CancellationToken.None);
        await UntilAsync(() => listener.State == QueueListenerState.Draining, "the listener stopped receiving");
        await ctx.Queue.SendMessageAsync("after stop");
        Assert.False(stop.IsCompleted);
        release.SetResult();
        await stop.WaitAsync(Wait);

        Assert.Equal(["in flight"], handled.ToArray());
        Assert.False(cancelledSeen);
        var left = Assert.Single((await ctx.Queue.PeekMessagesAsync(32)).Value);
        Assert.Equal("after stop", left.Body.ToString());
        Assert.Equal(0, left.DequeueCount);
    }

    [Fact]
    public async Task Shutdown_PastTheDeadline_CancelsHandlers_AndReleasesTheirMessages()
    {
        await using var ctx = new QueueTriggerTestContext(azurite, "trig-deadline");
        var options = QueueTriggerTestContext.FastOptions();
        options.ShutdownTimeout = TimeSpan.Zero;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        var listener = await ctx.StartAsync(async (_, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        }, options);
        await ctx.Queue.SendMessageAsync("cut short");
        await started.Task.WaitAsync(Wait);

        await listener.StopAsync(CancellationToken.None).WaitAsync(Wait);

        Assert.True(cancelled);
        var again = (await Eventually.UntilAsync(async () => (await ctx.Queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value, m => m.Length == 1, Wait, "the released message is visible again"))[0];
        Assert.Equal("cut short", again.Body.ToString());
        Assert.Equal(2, again.DequeueCount);
        Assert.Equal(0, await ctx.PoisonCountAsync());
    }

    private static Task<bool> UntilAsync(Func<bool> condition, string because) =>
        Eventually.UntilAsync(() => Task.FromResult(condition()), done => done, Wait, because);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
