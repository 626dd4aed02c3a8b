using System.Net;
using System.Net.Sockets;
using Checkout.Testing;

namespace Checkout.Storage.Tests;

/// <summary>What the proxy does with the n-th request it receives.</summary>
internal enum ProxyAction
{
    Forward,
    ServiceUnavailable,
    Hang,
}

/// <summary>
/// A loopback HTTP server in front of Azurite that follows a script per request: answer 503 ServerBusy, hang until
/// disposed, or forward to Azurite unchanged. Forwarding keeps the path (the SharedKey signature covers path and
/// headers, not the host), so signed requests pass through and the real service answers. Proves retries end to end.
/// </summary>
internal sealed class ScriptedStorageProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Date", "Server", "Expect",
    };

    private readonly HttpListener _listener = new();
    private readonly HttpClient _forward = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _target;
    private readonly Func<int, ProxyAction> _script;
    private readonly Task _loop;
    private int _requests;

    public ScriptedStorageProxy(Uri targetRoot, Func<int, ProxyAction> script)
    {
        _target = targetRoot;
        _script = script;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>Requests received so far, including the ones answered from the script.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>An Azurite-style connection string whose queue and table endpoints go through this proxy.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
        $"QueueEndpoint=http://127.0.0.1:{Port}/{AzuriteProcess.AccountName};TableEndpoint=http://127.0.0.1:{Port}/{AzuriteProcess.AccountName}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // The listener was closed under a pending accept: that is how the loop ends.
        }

        _forward.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }

            var n = Interlocked.Increment(ref _requests);
            _ = Task.Run(() => HandleAsync(context, _script(n)));
        }
    }

    private async Task HandleAsync(HttpListenerContext context, ProxyAction action)
    {
        try
        {
            switch (action)
            {
                case ProxyAction.ServiceUnavailable:
                    context.Response.StatusCode = 503;
                    context.Response.Headers["x-ms-error-code"] = "ServerBusy";
                    context.Response.Close();
                    break;
                case ProxyAction.Hang:
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    break;
                default:
                    await ForwardAsync(context);
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up on this request or the proxy is shutting down.
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var uri = new Uri(_target, context.Request.RawUrl);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), uri);
        if (body.Length > 0 || context.Request.HttpMethod is "PUT" or "POST")
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var name in context.Request.Headers.AllKeys.OfType<string>().Where(n => !HopByHop.Contains(n)))
        {
            var value = context.Request.Headers[name];
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _forward.SendAsync(request, _stop.Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(_stop.Token);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
        {
            context.Response.Headers[header.Key] = string.Join(",", header.Value);
        }

        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
