using System.Text;
using Checkout.Storage;
using Checkout.Storage.Queues;
using Checkout.Testing;

namespace Checkout.Storage.Tests.Queues;

/// <summary>The 64 KiB limit counts the UTF-8 bytes of the encoded text; base64 leaves 48 KiB of payload.</summary>
public sealed class QueueMessageSizeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const int Limit = 64 * 1024;
    private readonly QueueServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Base64_LargestPayload_IsAcceptedAndRoundTrips()
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.Base64);
        var text = new string('x', Limit / 4 * 3);

        await queue.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).MessageText);
    }

    [Fact]
    public async Task Base64_OneByteOver_ThrowsArgumentExceptionWithoutSending()
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("size"));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('x', (Limit / 4 * 3) + 1)));

        Assert.Contains("65536", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _service.Counters.Total);
    }

    [Fact]
    public async Task None_ExactlyTheLimit_IsAcceptedByTheService()
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.None);
        // ASCII on purpose: Azurite 3.37 decodes each TCP chunk of a request body to a string separately
        // (serializer.js readRequestIntoText, segments.join("")), so a multi-byte character split across chunks
        // becomes two U+FFFD and a large non-ASCII unencoded message may be corrupted or refused with 413.
        // Base64 (the default) is ASCII on the wire and immune.
        var text = new string('a', Limit);

        await queue.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single(await queue.PeekMessagesAsync()).MessageText);
    }

    [Fact]
    public void None_LimitCountsUtf8BytesNotCharacters()
    {
        var exactly = new string('\u4e2d', (Limit / 3) - 1) + new string('a', Limit - (((Limit / 3) - 1) * 3));

        Assert.Equal(Limit, Encoding.UTF8.GetByteCount(exactly));
        Assert.Equal(exactly, QueueMessageCodec.Encode(exactly, QueueMessageEncoding.None));
        Assert.Throws<ArgumentException>(() => QueueMessageCodec.Encode(exactly + "a", QueueMessageEncoding.None));
    }

    [Fact]
    public async Task None_OneByteOverInMultiByteCharacters_Throws()
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("size"), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var text = new string('\u00e9', Limit / 2) + "a";

        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(text));
    }

    [Fact]
    public async Task Update_WithOversizedText_Throws()
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("size"));

        await Assert.ThrowsAsync<ArgumentException>(() => queue.UpdateMessageAsync("id", "pop", TimeSpan.Zero, new string('x', Limit)));
    }

    private async Task<QueueClient> NewQueueAsync(QueueMessageEncoding encoding)
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("size"), new QueueClientOptions { MessageEncoding = encoding });
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
