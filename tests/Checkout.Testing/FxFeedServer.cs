using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Checkout.Testing;

/// <summary>
/// A local HTTP server standing in for the ECB and the supplementary feed: serves <see cref="Files"/> at
/// <c>/eurofxref-daily.xml</c> and <c>/latest.json</c>, or misbehaves as a test asks (an error status, a body cut
/// short, an answer slower than the app's timeout). Records the Authorization header each request carried.
/// </summary>
public sealed class FxFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FxFeedServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri EcbUrl => new(BaseAddress, "/eurofxref-daily.xml");

    public Uri SupplementaryUrl => new(BaseAddress, "/latest.json");

    public FxFeedFiles Files { get; set; } = FxFeedFiles.Sample(DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>Non-null: every request answers this status with an empty body.</summary>
    public HttpStatusCode? Failure { get; set; }

    /// <summary>Serve only the first half of the ECB file (a connection dropped mid-transfer, a half-written cache).</summary>
    public bool TruncateEcb { get; set; }

    /// <summary>Wait this long before answering the supplementary feed.</summary>
    public TimeSpan SupplementaryDelay { get; set; }

    public IReadOnlyList<string?> SupplementaryAuthorizations => _authorizations.ToList();

    private readonly System.Collections.Concurrent.ConcurrentQueue<string?> _authorizations = new();

    public static async Task<FxFeedServer> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new FxFeedServer(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapGet("/eurofxref-daily.xml", server.EcbAsync);
        app.MapGet("/latest.json", server.LatestAsync);
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task EcbAsync(HttpContext context)
    {
        if (Failure is { } status)
        {
            context.Response.StatusCode = (int)status;
            return;
        }

        var xml = Files.EcbXml();
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(TruncateEcb ? xml[..(xml.Length / 2)] : xml, context.RequestAborted);
    }

    private async Task LatestAsync(HttpContext context)
    {
        _authorizations.Enqueue(context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null);
        if (Failure is { } status)
        {
            context.Response.StatusCode = (int)status;
            return;
        }

        if (SupplementaryDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(SupplementaryDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Files.LatestJson(), context.RequestAborted);
    }
}
