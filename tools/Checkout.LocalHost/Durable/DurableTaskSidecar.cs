using System.Net;
using System.Net.Sockets;
using Checkout.Workflows.Storage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Checkout.LocalHost.Durable;

/// <summary>
/// The Durable Task engine behind a gRPC sidecar, as the Functions host runs it for an isolated worker:
/// <see cref="TaskHubGrpcServer"/> over the Azure Storage provider, which the stock gRPC worker and client in this
/// process reach through <see cref="Channel"/>.
/// </summary>
/// <remarks>
/// A second, minimal <see cref="WebApplication"/> rather than an endpoint of the functions' app: gRPC here is
/// cleartext HTTP/2 only (no TLS to negotiate it) on loopback and a free port, while the functions' endpoint is
/// HTTP/1.1 wherever <c>--urls</c> puts it, and Kestrel endpoints set in code would override those URLs. Apart, neither
/// sees the other's middleware, and <see cref="TaskHubGrpcServer"/> (which starts and stops its dispatchers on its
/// host's lifetime events) follows this service's start and stop. The channel resolves the port when it first
/// connects, so the worker and client can be built before the sidecar listens, and a worker that connects early
/// simply waits for it.
/// </remarks>
internal sealed class DurableTaskSidecar : IHostedService, IAsyncDisposable
{
    private readonly DurableTaskHubOptions _options;
    private readonly StorageAccountSettings _account;
    private readonly StorageOperationCounters _counters;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _server;

    public DurableTaskSidecar(DurableTaskHubOptions options, StorageAccountSettings account, StorageOperationCounters counters, ILoggerFactory loggerFactory)
    {
        _options = options;
        _account = account;
        _counters = counters;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableTaskSidecar>();
        // The host name is a placeholder: every connection goes to the sidecar's loopback port.
        Channel = GrpcChannel.ForAddress("http://127.0.0.1", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { ConnectCallback = ConnectAsync },
            LoggerFactory = loggerFactory,
        });
    }

    public GrpcChannel Channel { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var service = TaskHubStorage.Create(_options, _account, _counters, _loggerFactory);
            await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
            _server = BuildServer(service);
            await _server.StartAsync(cancellationToken);
            var port = new Uri(_server.Urls.Single()).Port;
            DurableTaskLog.SidecarListening(_logger, _options.HubName, port);
            _port.TrySetResult(port);
        }
        catch (Exception ex)
        {
            // The worker's connection attempts fail with this too, instead of waiting for a port that never comes.
            _port.TrySetException(ex);
            throw;
        }
    }

    /// <summary>
    /// Stops the sidecar after the worker (hosted services stop in reverse order). Its server stops its dispatchers and
    /// the provider (releasing partition leases) on the sidecar's stopping event without being awaited; whatever is
    /// left in flight is seen again after its visibility timeout.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _port.TrySetCanceled();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Channel.Dispose();
    }

    private WebApplication BuildServer(IOrchestrationService service)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        // The local host's logging (providers, levels from its settings), not a second configuration.
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(_options.ExtendedSessionsEnabled
            ? new ExtendedSessionOrchestrationService(service, _loggerFactory.CreateLogger<ExtendedSessionOrchestrationService>())
            : service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        return server;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var port = await _port.Task.WaitAsync(cancellationToken);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
