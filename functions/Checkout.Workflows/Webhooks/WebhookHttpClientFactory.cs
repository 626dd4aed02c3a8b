using System.Net;
using System.Net.Sockets;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// The one pooled HttpClient for webhook calls: redirects never followed (a 3xx is a failed attempt, so a redirect
/// cannot lead to a forbidden address), short connect timeout, and every connection made only to an address the
/// <see cref="WebhookUrlPolicy"/> allows after DNS resolution (no DNS-rebinding path to metadata services).
/// </summary>
internal static class WebhookHttpClientFactory
{
    public static HttpClient Create(WebhookUrlPolicy policy, WebhookOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 16,
            ConnectCallback = (context, ct) => ConnectAsync(policy, context.DnsEndPoint, ct),
        };

        // Per-attempt timeouts come from the caller's token; this is only a backstop.
        return new HttpClient(handler) { Timeout = options.AttemptTimeout + TimeSpan.FromSeconds(5) };
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookUrlPolicy policy, DnsEndPoint endPoint, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(endPoint.Host, ct);
        var allowed = addresses.Where(a => policy.CheckAddress(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var reason = addresses.Length == 0 ? "it does not resolve" : policy.CheckAddress(addresses[0]);
            throw new HttpRequestException($"Refused to connect to {endPoint.Host}: {reason}");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
