using System.Globalization;
using Polly;

namespace Checkout.Storage;

/// <summary>
/// Sends storage requests for one account: stamps the common headers, signs with SharedKey, retries transient
/// failures with exponential back-off and jitter, counts every attempt, and returns the final response whatever its
/// status. Clients decide what a status means and call <see cref="CreateExceptionAsync"/> for failures.
/// One pooled handler and one <see cref="HttpClient"/> per pipeline, shared by every client of the account.
/// </summary>
internal sealed class StoragePipeline : IDisposable
{
    private readonly HttpClient _http;
    private readonly SharedKeySigner _signer;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public StoragePipeline(StorageConnectionString account, StorageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Account = account;
        Options = options;
        _signer = new SharedKeySigner(account);
        _http = new HttpClient(CreateHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _retry = StorageRetryPolicy.Create(options);
    }

    public StorageConnectionString Account { get; }

    public StorageClientOptions Options { get; }

    public Task<HttpResponseMessage> SendAsync(StorageService service, string operationKind, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationKind);
        ArgumentNullException.ThrowIfNull(createRequest);

        // One client request id for all attempts, so the service logs show them as one logical operation.
        var clientRequestId = Guid.NewGuid().ToString();
        var state = (Pipeline: this, Service: service, Kind: operationKind, Create: createRequest, RequestId: clientRequestId);
        return _retry.ExecuteAsync(
            static (s, ct) => s.Pipeline.SendOnceAsync(s.Service, s.Kind, s.Create, s.RequestId, ct),
            state,
            cancellationToken).AsTask();
    }

    public static Task<StorageRequestFailedException> CreateExceptionAsync(HttpResponseMessage response, string operationKind, CancellationToken cancellationToken) =>
        StorageErrorReader.CreateExceptionAsync(response, operationKind, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async ValueTask<HttpResponseMessage> SendOnceAsync(
        StorageService service, string operationKind, Func<HttpRequestMessage> createRequest, string clientRequestId, CancellationToken cancellationToken)
    {
        // A fresh request per attempt: HttpRequestMessage cannot be sent twice, and x-ms-date must be current.
        using var request = createRequest();
        request.Headers.Remove("x-ms-date");
        request.Headers.Add("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        request.Headers.Remove("x-ms-version");
        request.Headers.Add("x-ms-version", Options.ServiceVersion);
        request.Headers.Remove("x-ms-client-request-id");
        request.Headers.Add("x-ms-client-request-id", clientRequestId);
        _signer.Sign(request, service);

        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(Options.NetworkTimeout);
        Options.Counters.Increment(operationKind);
        try
        {
            // ResponseContentRead (the default) buffers the body inside the attempt timeout, so a stalled body is
            // retried like a stalled connect instead of hanging the caller later.
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"{operationKind} did not complete within {Options.NetworkTimeout}."), ex);
        }
    }

    private static SocketsHttpHandler CreateHandler(StorageClientOptions options) => new()
    {
        // Recycle connections so DNS changes (failover, scale) are picked up; keep many per server because queue
        // listeners and workflow workers run dozens of concurrent requests against one account.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        MaxConnectionsPerServer = 256,
        ConnectTimeout = options.NetworkTimeout,
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
    };
}
