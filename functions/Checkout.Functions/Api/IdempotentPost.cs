namespace Checkout.Functions.Api;

/// <summary>
/// Runs a POST under its <c>Idempotency-Key</c>, if it has one: replays a recorded response, answers 422 for a key
/// reused with another body and 409 while the first request is in flight. Called after validation, so a request that
/// fails validation records nothing and can be retried with the same key.
/// </summary>
internal sealed class IdempotentPost(IdempotencyStore store, ILogger<IdempotentPost> logger)
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The key without the quotes of its structured-field form, null when absent, or a 400 problem.</summary>
    public static (string? Key, ApiResponse? Problem) ReadKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers[HeaderName];
        if (values.Count == 0)
        {
            return (null, null);
        }

        var key = values.Count == 1 ? values[0]!.Trim() : null;
        if (key is { Length: >= 2 } && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }

        if (key is null || key.Length is 0 or > IdempotencyStore.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            return (null, ApiProblems.IdempotencyKeyInvalid($"Send one key of 1 to {IdempotencyStore.MaxKeyLength} visible ASCII characters."));
        }

        return (key, null);
    }

    /// <summary>The key of a POST that takes no body (an action: retry, redeliver, rotate a secret): the key's problem,
    /// or a 400 when a body carries fields, before anything is recorded.</summary>
    public static async Task<(string? Key, ApiResponse? Problem)> ReadActionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, problem) = ReadKey(request);
        if (problem is not null)
        {
            return (null, problem);
        }

        return await RequestBody.RefuseFieldsAsync(request, cancellationToken) is { } bodyProblem ? (null, bodyProblem) : (key, null);
    }

    public async Task<ApiResponse> RunAsync(
        HttpRequest request, string merchantId, string? key, byte[] body, Func<Task<ApiResponse>> execute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execute);
        if (key is null)
        {
            return await execute();
        }

        var fingerprint = IdempotencyStore.Fingerprint(request, body);
        var (outcome, recorded) = await store.BeginAsync(merchantId, key, fingerprint, cancellationToken);
        ApiLog.IdempotencyDecided(logger, merchantId, request.Path, outcome);
        switch (outcome)
        {
            case IdempotencyOutcome.Replay:
                return recorded! with { Replayed = true };
            case IdempotencyOutcome.Mismatch:
                return ApiProblems.IdempotencyKeyReused();
            case IdempotencyOutcome.InFlight:
                return ApiProblems.IdempotencyKeyInFlight();
        }

        ApiResponse response;
        try
        {
            response = await execute();
        }
        catch
        {
            await store.AbandonAsync(merchantId, key, CancellationToken.None);
            throw;
        }

        await store.CompleteAsync(merchantId, key, fingerprint, response, cancellationToken);
        return response;
    }
}
