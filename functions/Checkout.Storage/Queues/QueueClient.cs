using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace Checkout.Storage.Queues;

/// <summary>
/// Operations on one queue, shaped like <c>Azure.Storage.Queues.QueueClient</c>. Failures throw
/// <see cref="StorageRequestFailedException"/> with the service's status and error code. Durations go to the service in
/// whole seconds, rounded up, so a delayed message never becomes visible early.
/// </summary>
public sealed class QueueClient
{
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private static readonly MediaTypeHeaderValue XmlContentType = new("application/xml");

    private readonly StoragePipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;

    internal QueueClient(StoragePipeline pipeline, string name, QueueClientOptions options)
    {
        _pipeline = pipeline;
        _encoding = options.MessageEncoding;
        Name = name;
        Uri = StorageConnectionString.Combine(pipeline.Account.QueueEndpoint, name);
    }

    public string Name { get; }

    public Uri Uri { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync("Queue.Create", HttpMethod.Put, string.Empty, null, ct);
        // 409 QueueAlreadyExists only happens when the existing queue has other metadata: it still exists.
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.NoContent) && !Is(response, HttpStatusCode.Conflict, StorageErrorCodes.QueueAlreadyExists))
        {
            throw await StoragePipeline.CreateExceptionAsync(response, "Queue.Create", ct);
        }
    }

    public async Task DeleteIfExistsAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync("Queue.Delete", HttpMethod.Delete, string.Empty, null, ct);
        if (response.StatusCode != HttpStatusCode.NoContent && !Is(response, HttpStatusCode.NotFound, StorageErrorCodes.QueueNotFound))
        {
            throw await StoragePipeline.CreateExceptionAsync(response, "Queue.Delete", ct);
        }
    }

    /// <param name="visibilityDelay">0 to 7 days before the message can be received; must be less than the TTL.</param>
    /// <param name="timeToLive">Default 7 days; <c>TimeSpan.FromSeconds(-1)</c> means it never expires.</param>
    public async Task<SendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken ct = default)
    {
        var delay = Seconds(visibilityDelay ?? TimeSpan.Zero, TimeSpan.Zero, MaxVisibility, nameof(visibilityDelay));
        var ttl = TtlSeconds(timeToLive ?? MaxVisibility, delay);
        var body = QueueXml.MessageBody(QueueMessageCodec.Encode(messageText, _encoding));
        var query = string.Create(CultureInfo.InvariantCulture, $"messages?visibilitytimeout={delay}&messagettl={ttl}");
        using var response = await SendAsync("Queue.SendMessage", HttpMethod.Post, query, body, ct);
        await EnsureAsync(response, HttpStatusCode.Created, "Queue.SendMessage", ct);
        var message = QueueXml.Messages(await response.Content.ReadAsStringAsync(ct)).Single();
        return new SendReceipt(
            QueueXml.Text(message, "MessageId"),
            QueueXml.Text(message, "PopReceipt"),
            QueueXml.Time(message, "InsertionTime"),
            QueueXml.Time(message, "ExpirationTime"),
            QueueXml.Time(message, "TimeNextVisible"));
    }

    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">1 second to 7 days.</param>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var visibility = Seconds(visibilityTimeout, TimeSpan.FromSeconds(1), MaxVisibility, nameof(visibilityTimeout));
        var query = string.Create(CultureInfo.InvariantCulture, $"messages?numofmessages={maxMessages}&visibilitytimeout={visibility}");
        using var response = await SendAsync("Queue.ReceiveMessages", HttpMethod.Get, query, null, ct);
        await EnsureAsync(response, HttpStatusCode.OK, "Queue.ReceiveMessages", ct);
        var messages = QueueXml.Messages(await response.Content.ReadAsStringAsync(ct));
        return messages.Select(ToQueueMessage).ToList();
    }

    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken ct = default)
    {
        var path = MessagePath(messageId, popReceipt);
        using var response = await SendAsync("Queue.DeleteMessage", HttpMethod.Delete, path, null, ct);
        await EnsureAsync(response, HttpStatusCode.NoContent, "Queue.DeleteMessage", ct);
    }

    /// <summary>Changes the visibility timeout (0 to 7 days) and optionally the text; returns the pop receipt to use from now on.</summary>
    public async Task<UpdateReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken ct = default)
    {
        var visibility = Seconds(visibilityTimeout, TimeSpan.Zero, MaxVisibility, nameof(visibilityTimeout));
        var path = MessagePath(messageId, popReceipt) + "&visibilitytimeout=" + visibility.ToString(CultureInfo.InvariantCulture);
        var body = messageText is null ? null : QueueXml.MessageBody(QueueMessageCodec.Encode(messageText, _encoding));
        using var response = await SendAsync("Queue.UpdateMessage", HttpMethod.Put, path, body, ct);
        await EnsureAsync(response, HttpStatusCode.NoContent, "Queue.UpdateMessage", ct);
        return new UpdateReceipt(
            RequiredHeader(response, "x-ms-popreceipt"),
            QueueXml.ParseTime(RequiredHeader(response, "x-ms-time-next-visible")));
    }

    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var query = string.Create(CultureInfo.InvariantCulture, $"messages?peekonly=true&numofmessages={maxMessages}");
        using var response = await SendAsync("Queue.PeekMessages", HttpMethod.Get, query, null, ct);
        await EnsureAsync(response, HttpStatusCode.OK, "Queue.PeekMessages", ct);
        var messages = QueueXml.Messages(await response.Content.ReadAsStringAsync(ct));
        return messages.Select(ToPeekedMessage).ToList();
    }

    /// <summary>The service's approximate count (it may lag or include invisible and expired messages).</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync("Queue.GetProperties", HttpMethod.Get, "?comp=metadata", null, ct);
        await EnsureAsync(response, HttpStatusCode.OK, "Queue.GetProperties", ct);
        return int.Parse(RequiredHeader(response, "x-ms-approximate-messages-count"), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    public async Task ClearMessagesAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync("Queue.ClearMessages", HttpMethod.Delete, "messages", null, ct);
        await EnsureAsync(response, HttpStatusCode.NoContent, "Queue.ClearMessages", ct);
    }

    private Task<HttpResponseMessage> SendAsync(string kind, HttpMethod method, string relative, byte[]? body, CancellationToken ct)
    {
        var uri = StorageConnectionString.Combine(Uri, relative);
        return _pipeline.SendAsync(StorageService.Queue, kind, () => CreateRequest(method, uri, body), ct);
    }

    private static HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, byte[]? body)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = XmlContentType;
        }

        return request;
    }

    private static string MessagePath(string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return "messages/" + Uri.EscapeDataString(messageId) + "?popreceipt=" + Uri.EscapeDataString(popReceipt);
    }

    private QueueMessage ToQueueMessage(XElement m)
    {
        var id = QueueXml.Text(m, "MessageId");
        return new QueueMessage(
            id,
            QueueXml.Text(m, "PopReceipt"),
            QueueMessageCodec.Decode(QueueXml.Text(m, "MessageText"), _encoding, id),
            QueueXml.Long(m, "DequeueCount"),
            QueueXml.Time(m, "InsertionTime"),
            QueueXml.Time(m, "ExpirationTime"),
            QueueXml.Time(m, "TimeNextVisible"));
    }

    private PeekedMessage ToPeekedMessage(XElement m)
    {
        var id = QueueXml.Text(m, "MessageId");
        return new PeekedMessage(
            id,
            QueueMessageCodec.Decode(QueueXml.Text(m, "MessageText"), _encoding, id),
            QueueXml.Long(m, "DequeueCount"),
            QueueXml.Time(m, "InsertionTime"),
            QueueXml.Time(m, "ExpirationTime"));
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string kind, CancellationToken ct)
    {
        if (response.StatusCode != expected)
        {
            throw await StoragePipeline.CreateExceptionAsync(response, kind, ct);
        }
    }

    private static bool Is(HttpResponseMessage response, HttpStatusCode status, string code) =>
        response.StatusCode == status
        && response.Headers.TryGetValues("x-ms-error-code", out var codes)
        && codes.Contains(code, StringComparer.Ordinal);

    private static string RequiredHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value
            ? value
            : throw new InvalidDataException($"The queue service response lacks the {name} header.");

    private static long Seconds(TimeSpan value, TimeSpan min, TimeSpan max, string paramName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Must be between {min} and {max}.");
        }

        return (long)Math.Ceiling(value.TotalSeconds);
    }

    private static long TtlSeconds(TimeSpan ttl, long delaySeconds)
    {
        if (ttl == NeverExpires)
        {
            return -1;
        }

        if (ttl < TimeSpan.FromSeconds(1) || ttl > TimeSpan.FromSeconds(int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "Time to live must be at least 1 second, or TimeSpan.FromSeconds(-1) for never.");
        }

        var seconds = (long)Math.Ceiling(ttl.TotalSeconds);
        return seconds > delaySeconds
            ? seconds
            : throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "Time to live must be longer than the visibility delay.");
    }
}
