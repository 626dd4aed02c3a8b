using System.Net;
using Polly;
using Polly.Retry;

namespace Checkout.Storage;

/// <summary>
/// Which storage failures are worth another attempt, and how long to wait. Transient means: 408, 429, 500, 502,
/// 503, 504, a connection failure or an attempt timeout. Other 4xx are the caller's mistake or a real conflict and
/// are never retried. Non-idempotent requests (Put Message, table insert) are retried too: the first attempt may have
/// landed before the failure, so a retry can duplicate it. Queues are at-least-once anyway and every consumer is
/// idempotent; table inserts then fail with 409 EntityAlreadyExists, which callers already handle.
/// </summary>
internal static class StorageRetryPolicy
{
    public static ResiliencePipeline<HttpResponseMessage> Create(StorageClientOptions options)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        var counters = options.Counters;
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.RetryMaxDelay)),
                OnRetry = _ =>
                {
                    counters.Increment(StorageOperationCounters.RetryKind);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutException } => true,
        { Exception: null, Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    internal static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    // A server that says when to come back (429/503 with Retry-After) knows better than our back-off; null keeps
    // Polly's exponential delay. Capped so a hostile or buggy header cannot stall a caller for long.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date - DateTimeOffset.UtcNow);
        return delay is { } d && d > TimeSpan.Zero ? (d < max ? d : max) : null;
    }
}
