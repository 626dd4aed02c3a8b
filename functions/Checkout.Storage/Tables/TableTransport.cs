namespace Checkout.Storage.Tables;

/// <summary>Sends Table requests through the shared storage pipeline and turns failed responses into exceptions.</summary>
internal sealed class TableTransport(StoragePipeline pipeline)
{
    public Uri Endpoint => pipeline.Account.TableEndpoint;

    public Task<HttpResponseMessage> SendAsync(string kind, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        pipeline.SendAsync(StorageService.Table, kind, createRequest, cancellationToken);

    /// <summary>The failure as an exception to throw or inspect, or null when the response succeeded.</summary>
    public static async Task<StorageRequestFailedException?> FailureAsync(HttpResponseMessage response, string kind, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode ? null : await StoragePipeline.CreateExceptionAsync(response, kind, cancellationToken);

    public static async Task ThrowIfFailedAsync(HttpResponseMessage response, string kind, CancellationToken cancellationToken)
    {
        if (await FailureAsync(response, kind, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }
}
