using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Checkout.Bench;

/// <summary>
/// A merchant's webhook endpoint on a free loopback port (Development allows loopback endpoints): answers 200 to
/// every delivery and records how long after the event it arrived (receipt time minus the payload's
/// <c>timestamp</c>, both on this machine's clock). Signatures are not verified here; the webhook tests do that.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentBag<(string Type, double LatencyMs)> _received = [];
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort()}/webhooks/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<(string Type, double LatencyMs)> Received => [.. _received];

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
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
