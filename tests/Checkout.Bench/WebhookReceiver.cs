using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Checkout.Testing;

namespace Checkout.Bench;

/// <summary>
/// A merchant's webhook endpoint on a free loopback port (Development allows loopback endpoints): answers 200 to
/// every delivery, records how long after the event it arrived (receipt time minus the payload's <c>timestamp</c>,
/// both on this machine's clock), and hands each checkout's events to whoever waits on that checkout
/// (<see cref="NextCheckoutEventAsync"/>), as a merchant's site learns of a checkout's progress. Signatures are not
/// verified here; the webhook tests do that.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentBag<(string Type, double LatencyMs)> _received = [];
    private readonly ConcurrentDictionary<string, CheckoutEvents> _checkouts = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Url = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/webhooks/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<(string Type, double LatencyMs)> Received => [.. _received];

    /// <summary>The checkout's next <c>checkout.*</c> event not yet taken (its status, and its quote id when it has
    /// one), in the order received; null when none arrives within <paramref name="wait"/>. Deliveries are at least
    /// once, so an event may come twice.</summary>
    public async Task<(string Status, string? QuoteId)?> NextCheckoutEventAsync(string checkoutId, TimeSpan wait, CancellationToken ct)
    {
        var events = _checkouts.GetOrAdd(checkoutId, _ => new CheckoutEvents());
        if (!await events.Arrived.WaitAsync(wait, ct))
        {
            return null;
        }

        return events.Queue.TryDequeue(out var next) ? next : throw new InvalidOperationException($"Checkout {checkoutId}: signalled without an event.");
    }

    /// <summary>Drops the latencies recorded so far (the warm-up's), so a run's figures are its own.</summary>
    public void ForgetReceived() => _received.Clear();

    /// <summary>Stops holding a finished checkout's events.</summary>
    public void Forget(string checkoutId) => _checkouts.TryRemove(checkoutId, out _);

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContext: that is how the loop ends.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var receivedAt = DateTimeOffset.UtcNow;
            Record(await JsonDocument.ParseAsync(context.Request.InputStream), receivedAt);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private void Record(JsonDocument body, DateTimeOffset receivedAt)
    {
        using (body)
        {
            var root = body.RootElement;
            if (root.TryGetProperty("type", out var type) && root.TryGetProperty("timestamp", out var timestamp))
            {
                _received.Add((type.GetString() ?? "?", (receivedAt - timestamp.GetDateTimeOffset()).TotalMilliseconds));
            }

            if (type.ValueKind == JsonValueKind.String && type.GetString()!.StartsWith("checkout.", StringComparison.Ordinal)
                && root.TryGetProperty("data", out var data) && data.TryGetProperty("checkoutId", out var checkoutId) && data.TryGetProperty("status", out var status))
            {
                var events = _checkouts.GetOrAdd(checkoutId.GetString()!, _ => new CheckoutEvents());
                events.Queue.Enqueue((status.GetString()!, data.TryGetProperty("quoteId", out var quoteId) ? quoteId.GetString() : null));
                events.Arrived.Release();
            }
        }
    }

    private sealed class CheckoutEvents
    {
        public ConcurrentQueue<(string Status, string? QuoteId)> Queue { get; } = new();

        public SemaphoreSlim Arrived { get; } = new(0);
    }
}
