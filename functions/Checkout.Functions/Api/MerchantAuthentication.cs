namespace Checkout.Functions.Api;

/// <summary>Endpoint filter: finds the merchant behind <c>Authorization: Bearer</c> or <c>x-api-key</c>, or answers
/// 401. The merchant id is then read with <see cref="MerchantOf"/>.</summary>
internal sealed class MerchantAuthentication(VerifiedKeyCache keys, ILogger<MerchantAuthentication> logger) : IEndpointFilter
{
    private const string ItemKey = "Checkout.MerchantId";

    public static string MerchantOf(HttpContext context) =>
        context.Items[ItemKey] as string ?? throw new InvalidOperationException("The endpoint is not behind MerchantAuthentication.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = PresentedKey(http.Request);
        var merchant = key is null ? null : await keys.FindMerchantAsync(key, http.RequestAborted);
        if (merchant is null)
        {
            ApiLog.Unauthenticated(logger, http.Request.Path);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Unauthorized();
        }

        http.Items[ItemKey] = merchant;
        return await next(context);
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
