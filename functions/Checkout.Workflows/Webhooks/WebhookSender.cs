using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Checkout.Workflows.Secrets;

namespace Checkout.Workflows.Webhooks;

/// <summary>Makes one signed HTTP attempt and reports what happened; never throws for the endpoint's failures.</summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _clock;
    private readonly SecretProtector _protector;

    public WebhookSender(WebhookUrlPolicy policy, WebhookOptions options, TimeProvider clock, SecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        _http = WebhookHttpClientFactory.Create(policy, options);
        _options = options;
        _clock = clock;
        _protector = protector;
    }

    public async Task<WebhookSendResult> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(delivery);
        var now = _clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(delivery.Payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("webhook-id", delivery.WebhookId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", SignatureHeader(endpoint, delivery.WebhookId, now, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("Checkout-Webhooks/1.0");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new WebhookSendResult(status, Elapsed(started), status is >= 300 and < 400 ? "Redirects are not followed." : null);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookSendResult(null, Elapsed(started), ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult(null, Elapsed(started), $"No response within {_options.AttemptTimeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>
    /// The <c>webhook-signature</c> value at <paramref name="at"/>: <c>v1,</c> with the current secret and, while a
    /// rotation's previous secret still signs, a space and <c>v1,</c> with that one too (Standard Webhooks' list of
    /// signatures), so a consumer verifying with either secret accepts it. The one place stored signing secrets are
    /// decrypted: to sign, and then they are dropped.
    /// </summary>
    public string SignatureHeader(WebhookEndpoint endpoint, string messageId, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var timestamp = at.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(_protector.Reveal(endpoint.Secret), messageId, timestamp, body);
        return endpoint.PreviousSecretAt(at) is { } previous
            ? signature + " " + WebhookSignature.Sign(_protector.Reveal(previous), messageId, timestamp, body)
            : signature;
    }

    public void Dispose() => _http.Dispose();

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
