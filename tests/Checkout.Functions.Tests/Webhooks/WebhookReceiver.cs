using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>A real HTTP server (Kestrel on a free loopback port) standing in for a merchant's webhook endpoint. It
/// answers the n-th request (1-based) with <c>respond(n)</c> (which may wait, to hold requests open at once) and records
/// what it received and answered.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private Func<int, Task<int>> _respond;
    private int _count;

    private WebhookReceiver(WebApplication app, Func<int, Task<int>> respond)
    {
        _app = app;
        _respond = respond;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static Task<WebhookReceiver> StartAsync(Func<int, int> respond) => StartAsync(n => Task.FromResult(respond(n)));

    public static async Task<WebhookReceiver> StartAsync(Func<int, Task<int>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), respond);
        receiver._app.MapPost("/hook", receiver.HandleAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Url = new Uri(address + "/hook");
        return receiver;
    }

    /// <summary>Changes how later requests are answered (e.g. the endpoint is fixed before a redelivery).</summary>
    public void RespondWith(Func<int, int> respond) => _respond = n => Task.FromResult(respond(n));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var status = await _respond(Interlocked.Increment(ref _count));
        _received.Enqueue(new ReceivedWebhook(
            context.Request.Headers["webhook-id"].ToString(),
            context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(),
            context.Request.ContentType,
            body.ToArray(),
            status));
        context.Response.StatusCode = status;
    }
}
