namespace Checkout.Functions.Api;

/// <summary>
/// The start every merchant write shares: who the merchant is, its <c>Idempotency-Key</c> (if any) and the JSON body,
/// or the 400/413/415 problem that stops the request before anything is read or written.
/// </summary>
internal sealed class MerchantWrite : IDisposable
{
    private MerchantWrite(string merchantId, string? idempotencyKey, RequestBody body)
    {
        MerchantId = merchantId;
        IdempotencyKey = idempotencyKey;
        Body = body;
    }

    public string MerchantId { get; }

    public string? IdempotencyKey { get; }

    public RequestBody Body { get; }

    /// <summary>Reads the write and hands it to <paramref name="handle"/>, or answers the problem that stopped it; the body
    /// is released either way.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, Func<MerchantWrite, Task<ApiResponse>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (write, problem) = await ReadAsync(context, cancellationToken);
        if (write is null)
        {
            return problem!;
        }

        using (write)
        {
            return await handle(write);
        }
    }

    private static async Task<(MerchantWrite? Write, ApiResponse? Problem)> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var (key, keyProblem) = IdempotentPost.ReadKey(context.Request);
        if (keyProblem is not null)
        {
            return (null, keyProblem);
        }

        var (body, problem) = await RequestBody.ReadAsync(context.Request, cancellationToken);
        return body is null ? (null, problem) : (new MerchantWrite(merchant, key, body), null);
    }

    public void Dispose() => Body.Dispose();
}
