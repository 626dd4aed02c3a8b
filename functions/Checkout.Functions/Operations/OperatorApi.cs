using Checkout.Functions.Api;

namespace Checkout.Functions.Operations;

/// <summary>How every console API function runs, as <see cref="MerchantApi"/> does for merchants, behind the operator's
/// sign-in (<see cref="OperatorAuthentication"/>) instead of an API key.</summary>
internal static class OperatorApi
{
    public static Task<IResult> RunAsync(HttpRequest request, Func<IServiceProvider, Task<IResult>> function, bool readsQuery = false) =>
        ApiInvocation.RunAsync(
            request,
            http => Task.FromResult(http.RequestServices.GetRequiredService<OperatorAuthentication>().Authenticate(http)),
            function,
            readsQuery);
}
