using System.Net;
using System.Net.Sockets;
using Checkout.Storage;
using Checkout.Storage.Queues;
using Checkout.Testing;

namespace Checkout.Storage.Tests;

/// <summary>Retries proven end to end: a scripted proxy fails or stalls requests, then lets them through to Azurite.</summary>
public sealed class StoragePipelineRetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly QueueServiceClient _direct = new(azurite.ConnectionString);

    private Uri AzuriteQueueRoot => new($"http://127.0.0.1:{azurite.Azurite.QueuePort}/");

    [Fact]
    public async Task Send_TwoServiceUnavailableThenSuccess_SucceedsAfterTwoRetries_AndCountsEveryAttempt()
    {
        var queueName = await CreateQueueDirectlyAsync("retry503");
        await using var proxy = new ScriptedStorageProxy(AzuriteQueueRoot, n => n <= 2 ? ProxyAction.ServiceUnavailable : ProxyAction.Forward);
        using var service = new QueueServiceClient(proxy.ConnectionString, FastRetries(5));

        var receipt = await service.GetQueueClient(queueName).SendMessageAsync("after two 503s");

        Assert.Equal(3, proxy.Requests);
        Assert.Equal(3, service.Counters.Get("Queue.SendMessage"));
        Assert.Equal(2, service.Counters.Retries);
        Assert.Equal(3, service.Counters.Total);
        var stored = Assert.Single(await DirectClient(queueName).PeekMessagesAsync(32));
        Assert.Equal(receipt.MessageId, stored.MessageId);
    }

    [Fact]
    public async Task Send_AlwaysServiceUnavailable_ThrowsAfterMaxRetriesWithStatusAndCode()
    {
        await using var proxy = new ScriptedStorageProxy(AzuriteQueueRoot, _ => ProxyAction.ServiceUnavailable);
        using var service = new QueueServiceClient(proxy.ConnectionString, FastRetries(2));

        var ex = await Assert.ThrowsAsync<StorageRequestFailedException>(() => service.GetQueueClient("never-there").SendMessageAsync("x"));

        Assert.Equal(503, ex.Status);
        Assert.Equal(StorageErrorCodes.ServerBusy, ex.ErrorCode);
        Assert.Equal(3, proxy.Requests);
        Assert.Equal(2, service.Counters.Retries);
    }

    [Fact]
    public async Task ClientError_IsNotRetried()
    {
        await using var proxy = new ScriptedStorageProxy(AzuriteQueueRoot, _ => ProxyAction.Forward);
        using var service = new QueueServiceClient(proxy.ConnectionString, FastRetries(5));

        var ex = await Assert.ThrowsAsync<StorageRequestFailedException>(() => service.GetQueueClient(UniqueName.Queue("absent")).SendMessageAsync("x"));

        Assert.Equal(StorageErrorCodes.QueueNotFound, ex.ErrorCode);
        Assert.Equal(1, proxy.Requests);
        Assert.Equal(0, service.Counters.Retries);
    }

    [Fact]
    public async Task StalledAttempt_TimesOutAndIsRetried()
    {
        var queueName = await CreateQueueDirectlyAsync("stall");
        await using var proxy = new ScriptedStorageProxy(AzuriteQueueRoot, n => n == 1 ? ProxyAction.Hang : ProxyAction.Forward);
        var options = FastRetries(3);
        options.NetworkTimeout = TimeSpan.FromMilliseconds(500);
        using var service = new QueueServiceClient(proxy.ConnectionString, options);

        var count = await service.GetQueueClient(queueName).GetApproximateMessageCountAsync();

        Assert.Equal(0, count);
        Assert.Equal(2, service.Counters.Get("Queue.GetProperties"));
        Assert.Equal(1, service.Counters.Retries);
    }

    [Fact]
    public async Task ConnectionRefused_IsRetriedThenSurfacesHttpRequestException()
    {
        var closedPort = ClosedPort();
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
            $"QueueEndpoint=http://127.0.0.1:{closedPort}/{AzuriteProcess.AccountName}";
        using var service = new QueueServiceClient(connectionString, FastRetries(2));

        await Assert.ThrowsAsync<HttpRequestException>(() => service.GetQueueClient("any-queue").ClearMessagesAsync());

        Assert.Equal(3, service.Counters.Get("Queue.ClearMessages"));
        Assert.Equal(2, service.Counters.Retries);
    }

    [Fact]
    public async Task Cancellation_StopsRetrying()
    {
        using var cts = new CancellationTokenSource();
        await using var proxy = new ScriptedStorageProxy(AzuriteQueueRoot, _ =>
        {
            cts.Cancel();
            return ProxyAction.ServiceUnavailable;
        });
        var options = FastRetries(5);
        options.RetryBaseDelay = TimeSpan.FromMinutes(1);
        options.RetryMaxDelay = TimeSpan.FromMinutes(1);
        using var service = new QueueServiceClient(proxy.ConnectionString, options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.GetQueueClient("any-queue").SendMessageAsync("x", ct: cts.Token));

        Assert.Equal(1, proxy.Requests);
    }

    [Fact]
    public async Task MaxRetriesZero_SendsExactlyOnce()
    {
        await using var proxy = new ScriptedStorageProxy(AzuriteQueueRoot, _ => ProxyAction.ServiceUnavailable);
        using var service = new QueueServiceClient(proxy.ConnectionString, new StorageClientOptions { MaxRetries = 0 });

        var ex = await Assert.ThrowsAsync<StorageRequestFailedException>(() => service.GetQueueClient("any-queue").ClearMessagesAsync());

        Assert.Equal(503, ex.Status);
        Assert.Equal(1, proxy.Requests);
    }

    [Fact]
    public void Options_Invalid_AreRejected()
    {
        var account = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueServiceClient(account, new StorageClientOptions { MaxRetries = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueServiceClient(account, new StorageClientOptions { NetworkTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueServiceClient(account, new StorageClientOptions { RetryMaxDelay = TimeSpan.FromMilliseconds(1) }));
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.PreconditionFailed, false)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, false)]
    public void IsTransient_ClassifiesStatuses(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, StorageRetryPolicy.IsTransient(status));
    }

    private static StorageClientOptions FastRetries(int maxRetries) => new()
    {
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
    };

    public void Dispose() => _direct.Dispose();

    private QueueClient DirectClient(string queueName) => _direct.GetQueueClient(queueName);

    private async Task<string> CreateQueueDirectlyAsync(string prefix)
    {
        var name = UniqueName.Queue(prefix);
        await DirectClient(name).CreateIfNotExistsAsync();
        return name;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
