namespace Checkout.Functions.Api;

/// <summary>
/// How every merchant function runs: authenticate the API key (or answer 401), then hand the function its services.
/// Inside the Functions host the request's services are the invocation's scope, as they are here.
/// </summary>
internal static class MerchantApi
{
    public static async Task<IResult> RunAsync(HttpRequest request, Func<IServiceProvider, Task<IResult>> function)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        var services = request.HttpContext.RequestServices;
        var rejection = await services.GetRequiredService<MerchantAuthentication>().AuthenticateAsync(request.HttpContext);
        return rejection ?? await function(services);
    }
}
