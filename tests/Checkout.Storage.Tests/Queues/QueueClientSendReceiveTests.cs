using Checkout.Storage;
using Checkout.Storage.Queues;
using Checkout.Testing;

namespace Checkout.Storage.Tests.Queues;

/// <summary>Sending, receiving and peeking against Azurite: text fidelity, encodings, delays, TTL, limits, counters.</summary>
public sealed class QueueClientSendReceiveTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly QueueServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task SendThenReceive_RoundTripsTextAndMetadata()
    {
        var queue = await NewQueueAsync("roundtrip");

        var sent = await queue.SendMessageAsync("hello <world> & ünïcødé 🚚");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1)));

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal("hello <world> & ünïcødé 🚚", received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(sent.InsertedOn, received.InsertedOn);
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.True(sent.ExpiresOn > sent.InsertedOn.AddDays(6));
    }

    [Fact]
    public async Task Send_EmptyAndWhitespaceText_RoundTrips()
    {
        var queue = await NewQueueAsync("empty", QueueMessageEncoding.None);

        await queue.SendMessageAsync("  \t ");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        Assert.Equal("  \t ", received.MessageText);
    }

    [Fact]
    public async Task Send_Base64Encoding_StoresBase64OfUtf8OnTheWire()
    {
        var queue = await NewQueueAsync("b64");
        var raw = _service.GetQueueClient(queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await queue.SendMessageAsync("€1");

        var peeked = Assert.Single(await raw.PeekMessagesAsync());
        Assert.Equal(Convert.ToBase64String("€1"u8), peeked.MessageText);
    }

    [Fact]
    public async Task Send_NoEncoding_EscapesXmlSpecialCharacters()
    {
        var queue = await NewQueueAsync("xmlchars", QueueMessageEncoding.None);
        const string text = "<QueueMessage>&amp; ]]> \"quoted\" 'single' \u00e9\u4e2d\ud83d\ude00 </MessageText>";

        await queue.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single(await queue.PeekMessagesAsync()).MessageText);
    }

    [Fact]
    public async Task Send_NoEncodingWithCharacterXmlCannotCarry_ThrowsBeforeSending()
    {
        var queue = await NewQueueAsync("badxml", QueueMessageEncoding.None);
        var before = _service.Counters.Get("Queue.SendMessage");

        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync("nul\0char"));

        Assert.Equal(before, _service.Counters.Get("Queue.SendMessage"));
    }

    [Fact]
    public async Task Send_WithVisibilityDelay_IsNotReceivableUntilTheDelayPasses()
    {
        var queue = await NewQueueAsync("delay");

        var sent = await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromSeconds(2));

        Assert.Empty(await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30)));
        Assert.Equal(sent.InsertedOn.AddSeconds(2), sent.NextVisibleOn);
        var got = await Eventually.UntilAsync(() => queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30)), m => m.Count == 1, Wait, "the delayed message became visible");
        Assert.Equal("later", got[0].MessageText);
    }

    [Fact]
    public async Task Send_TimeToLive_SetsExpiry_AndMinusOneMeansNever()
    {
        var queue = await NewQueueAsync("ttl");

        var shortLived = await queue.SendMessageAsync("a", timeToLive: TimeSpan.FromHours(1));
        var forever = await queue.SendMessageAsync("b", timeToLive: TimeSpan.FromSeconds(-1));

        Assert.Equal(shortLived.InsertedOn.AddHours(1), shortLived.ExpiresOn);
        Assert.Equal(9999, forever.ExpiresOn.Year);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(604801, null)]
    [InlineData(10, 10)]
    [InlineData(0, 0)]
    [InlineData(0, -2)]
    public async Task Send_OutOfRangeDelayOrTtl_ThrowsArgumentOutOfRange(int delaySeconds, int? ttlSeconds)
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("range"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync(
            "x", TimeSpan.FromSeconds(delaySeconds), ttlSeconds is { } t ? TimeSpan.FromSeconds(t) : null));
    }

    [Fact]
    public async Task Receive_HidesMessageForTheVisibilityTimeout()
    {
        var queue = await NewQueueAsync("hide");
        await queue.SendMessageAsync("once");

        Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5)));

        Assert.Empty(await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5)));
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Receive_HonoursMaxMessages()
    {
        var queue = await NewQueueAsync("max");
        for (var i = 0; i < 5; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var first = await queue.ReceiveMessagesAsync(3, TimeSpan.FromMinutes(1));
        var rest = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1));

        Assert.Equal(3, first.Count);
        Assert.Equal(2, rest.Count);
        Assert.Equal(5, first.Concat(rest).Select(m => m.MessageText).Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task Receive_MaxMessagesOutsideOneTo32_Throws(int count)
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("count"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(count, TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PeekMessagesAsync(count));
    }

    [Fact]
    public async Task Receive_ZeroVisibilityTimeout_Throws()
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("zerovis"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(1, TimeSpan.Zero));
    }

    [Fact]
    public async Task Peek_DoesNotChangeDequeueCountOrVisibility()
    {
        var queue = await NewQueueAsync("peek");
        await queue.SendMessageAsync("look");

        var first = Assert.Single(await queue.PeekMessagesAsync());
        var second = Assert.Single(await queue.PeekMessagesAsync(32));
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        Assert.Equal(0, first.DequeueCount);
        Assert.Equal(0, second.DequeueCount);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal("look", first.MessageText);
    }

    [Fact]
    public async Task Counters_CountEachOperationByKind()
    {
        using var service = new QueueServiceClient(azurite.ConnectionString);
        var queue = service.GetQueueClient(UniqueName.Queue("counters"));

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");
        var received = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1));
        foreach (var m in received)
        {
            await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
        }

        var counts = service.Counters.Snapshot();
        Assert.Equal(1, counts["Queue.Create"]);
        Assert.Equal(2, counts["Queue.SendMessage"]);
        Assert.Equal(1, counts["Queue.ReceiveMessages"]);
        Assert.Equal(2, counts["Queue.DeleteMessage"]);
        Assert.Equal(6, service.Counters.Total);
        Assert.False(counts.ContainsKey(StorageOperationCounters.RetryKind));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("-lead")]
    [InlineData("trail-")]
    [InlineData("dou--ble")]
    [InlineData("under_score")]
    public void GetQueueClient_InvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => _service.GetQueueClient(name));
    }

    [Fact]
    public void GetQueueClient_LongestValidName_IsAccepted()
    {
        Assert.Equal(63, _service.GetQueueClient(new string('a', 63)).Name.Length);
        Assert.Throws<ArgumentException>(() => _service.GetQueueClient(new string('a', 64)));
    }

    private async Task<QueueClient> NewQueueAsync(string prefix, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var queue = _service.GetQueueClient(UniqueName.Queue(prefix), new QueueClientOptions { MessageEncoding = encoding });
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
