using System.Text;
using System.Text.Json;
using Checkout.Storage.Queues;
using Checkout.Testing;

namespace Checkout.Storage.Tests.Interop;

/// <summary>Our queue client and the official @azure/storage-queue SDK read each other's messages on Azurite.</summary>
public sealed class QueueInteropTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Script = "tests/Checkout.Storage.Tests/Interop/queue-interop.mjs";

    // 48 KiB of payload is the most a base64 message can carry (64 KiB once encoded).
    private static readonly string LargestBase64Payload = new string('x', (48 * 1024) - 30) + " ünïcødé <&> 中文 🚚";

    private readonly QueueServiceClient _service = new(azurite.ConnectionString);

    public static TheoryData<string> Texts => new()
    {
        "plain ascii",
        "ünïcødé 中文 العربية 🚚📦",
        "<QueueMessage><MessageText>&amp; \"x\" 'y' ]]></MessageText>",
        "line1\nline2\ttabbed",
        LargestBase64Payload,
    };

    public void Dispose() => _service.Dispose();

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task WeSendBase64_JavaScriptSdkReadsTheSameText(string text)
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.Base64);
        var sent = await queue.SendMessageAsync(text);

        var received = await RunAsync("receive", queue.Name, base64: true);

        var message = Assert.Single(received.GetProperty("messages").EnumerateArray());
        Assert.Equal(sent.MessageId, message.GetProperty("id").GetString());
        Assert.Equal(text, message.GetProperty("text").GetString());
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), message.GetProperty("wire").GetString());
        Assert.Equal(1, message.GetProperty("dequeueCount").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task JavaScriptSdkSendsBase64_WeReadTheSameText(string text)
    {
        var queueName = UniqueName.Queue("interop-js");
        var sent = await RunAsync("send", queueName, base64: true, messages: [text]);

        var received = Assert.Single(await _service.GetQueueClient(queueName).ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1)));

        Assert.Equal(sent.GetProperty("ids")[0].GetString(), received.MessageId);
        Assert.Equal(text, received.MessageText);
    }

    [Fact]
    public async Task Unencoded_BothDirections_KeepXmlSpecialCharactersAndUnicode()
    {
        const string ours = "ours <a href=\"x\">&amp;</a> é中🚚";
        const string theirs = "theirs <b>&lt;</b> & ü";
        var queue = await NewQueueAsync(QueueMessageEncoding.None);
        await queue.SendMessageAsync(ours);
        await RunAsync("send", queue.Name, base64: false, messages: [theirs]);

        var jsView = await RunAsync("peek", queue.Name, base64: false);
        var ourView = await queue.PeekMessagesAsync(32);

        var jsTexts = jsView.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { ours, theirs }, jsTexts);
        Assert.Equal(new HashSet<string> { ours, theirs }, ourView.Select(m => m.MessageText).ToHashSet());
    }

    [Fact]
    public async Task Unencoded_FullSizeMessageFullOfMarkup_JavaScriptSdkReadsItIntact()
    {
        // Exactly 64 KiB of UTF-8 text, most of it characters XML must escape.
        var text = string.Concat(Enumerable.Repeat("<&>\"'", 65536 / 5)) + "a";
        Assert.Equal(65536, Encoding.UTF8.GetByteCount(text));
        var queue = await NewQueueAsync(QueueMessageEncoding.None);
        await queue.SendMessageAsync(text);

        var peeked = await RunAsync("peek", queue.Name, base64: false);

        Assert.Equal(text, Assert.Single(peeked.GetProperty("messages").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task JavaScriptPeek_DoesNotCountAsADequeue()
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.Base64);
        await queue.SendMessageAsync("peek me");

        var peeked = await RunAsync("peek", queue.Name, base64: true);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        Assert.Equal(0, Assert.Single(peeked.GetProperty("messages").EnumerateArray()).GetProperty("dequeueCount").GetInt64());
        Assert.Equal(1, received.DequeueCount);
    }

    private Task<JsonElement> RunAsync(string op, string queueName, bool base64, string[]? messages = null) =>
        NodeScript.RunAsync(Script, new { connectionString = azurite.ConnectionString, queue = queueName, op, base64, messages });

    private async Task<QueueClient> NewQueueAsync(QueueMessageEncoding encoding)
    {
        var queue = _service.GetQueueClient(UniqueName.Queue("interop"), new QueueClientOptions { MessageEncoding = encoding });
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
