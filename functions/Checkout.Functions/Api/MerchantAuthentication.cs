namespace Checkout.Functions.Api;

/// <summary>Finds the merchant behind <c>Authorization: Bearer</c> or <c>x-api-key</c>, or answers 401. The merchant id
/// is then read with <see cref="MerchantOf"/>. Every merchant function runs through it (<see cref="MerchantApi"/>).</summary>
internal sealed class MerchantAuthentication(VerifiedKeyCache keys, ILogger<MerchantAuthentication> logger)
{
    private const string ItemKey = "Checkout.MerchantId";

    public static string MerchantOf(HttpContext context) =>
        context.Items[ItemKey] as string ?? throw new InvalidOperationException("The endpoint is not behind MerchantAuthentication.");

    /// <summary>An operator acting on a merchant's checkout (the operations console): the merchant handlers then run as
    /// they do for the merchant itself, with the same checks, idempotency records and answers.</summary>
    public static void ActAs(HttpContext context, string merchantId)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = merchantId;
    }

    /// <summary>Null when the request carries a merchant's key (now in <see cref="MerchantOf"/>); else the 401 to answer.</summary>
    public async Task<IResult?> AuthenticateAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var key = PresentedKey(http.Request);
        var merchant = key is null ? null : await keys.FindMerchantAsync(key, http.RequestAborted);
        if (merchant is null)
        {
            ApiLog.Unauthenticated(logger, http.Request.Path);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Unauthorized();
        }

        http.Items[ItemKey] = merchant;
        return null;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            return token.Length is > 0 and <= 512 ? token : null;
        }

        string? apiKey = request.Headers["x-api-key"];
        return apiKey is { Length: > 0 and <= 512 } ? apiKey.Trim() : null;
    }
}
