using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Checkout.Bench;

/// <summary>
/// The merchant's side of the HTTP API, as the Development merchant <c>dev</c>. Every call retries on connection
/// failures, 5xx and 409 (request in flight) until <see cref="RetryDeadline"/>, asking the fleet for a live instance
/// each time: under chaos the instance it was talking to may just have been killed. POSTs carry an Idempotency-Key,
/// so a retry never starts or confirms twice.
/// </summary>
internal sealed class CheckoutApiClient(Func<int, Uri> instanceFor) : IDisposable
{
    public const string DevKey = "dev_local_key";
    private static readonly TimeSpan RetryDeadline = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseCookies = false, UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private long _retries;
    private int _retryWarningShown;

    /// <summary>Requests repeated because an instance was unreachable or answered 5xx/409.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public async Task<string> StartAsync(int slot, string idempotencyKey, CancellationToken ct)
    {
        using var body = await SendAsync(slot, b => Post(b, "api/checkouts", idempotencyKey, SampleCart.Json(idempotencyKey)), ct);
        return body.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Registers <paramref name="url"/> as merchant <c>dev</c>'s webhook endpoint for every event type.</summary>
    public async Task RegisterWebhookAsync(Uri url, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(new { url = url.ToString() });
        using var _ = await SendAsync(0, b => Post(b, "api/webhook-endpoints", "bench-webhook-" + url.Port, json), ct);
    }

    public Task<JsonDocument> StatusAsync(int slot, string id, bool history, CancellationToken ct) =>
        SendAsync(slot, b => Authorized(new HttpRequestMessage(HttpMethod.Get, new Uri(b, $"api/checkouts/{id}" + (history ? "?showHistory=true" : string.Empty)))), ct);

    public async Task ConfirmAsync(int slot, string id, string quoteId, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(new { quoteId });
        using var _ = await SendAsync(slot, b => Post(b, $"api/checkouts/{id}/confirm", id + "-confirm", json), ct);
    }

    public async Task<StorageSnapshot> StorageOperationsAsync(Uri instance, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(instance, "api/diagnostics/storage-operations"), ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return StorageSnapshot.FromJson(json.RootElement);
    }

    public async Task<bool> IsHealthyAsync(Uri instance, CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(instance, "api/health"), ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument> SendAsync(int slot, Func<Uri, HttpRequestMessage> create, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + RetryDeadline;
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(RetryDelay, ct);
            }

            var (document, failure) = await TryOnceAsync(create(instanceFor(slot + attempt)), ct);
            if (document is not null)
            {
                return document;
            }

            if (attempt == 3 && Interlocked.Exchange(ref _retryWarningShown, 1) == 0)
            {
                Console.Error.WriteLine($"\nRetrying requests; e.g. {failure}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new HttpRequestException($"Gave up after {attempt + 1} attempts: {failure}");
            }
        }
    }

    private async Task<(JsonDocument? Document, string? Failure)> TryOnceAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            try
            {
                using var response = await _http.SendAsync(request, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode)
                {
                    return (JsonDocument.Parse(text), null);
                }

                // 409 is retried only when the Idempotency-Key's first request is still in flight; a 409 naming the
                // checkout's status is the state machine refusing, which no retry changes.
                var retriable = (int)response.StatusCode >= 500
                    || (response.StatusCode == HttpStatusCode.Conflict && !text.Contains("\"checkoutStatus\"", StringComparison.Ordinal));
                return retriable
                    ? (null, $"{(int)response.StatusCode} {text}")
                    : throw new HttpRequestException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {text}");
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                return (null, ex.Message);
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                return (null, "timeout: " + ex.Message);
            }
        }
    }

    private static HttpRequestMessage Post(Uri instance, string path, string idempotencyKey, string json)
    {
        var request = Authorized(new HttpRequestMessage(HttpMethod.Post, new Uri(instance, path)));
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevKey);
        return request;
    }
}
