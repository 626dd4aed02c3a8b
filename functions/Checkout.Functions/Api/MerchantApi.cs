using Checkout.Workflows.Fx;

namespace Checkout.Functions.Api;

/// <summary>
/// How every merchant function runs: authenticate the API key (or answer 401), then hand the function its services
/// (<see cref="ApiInvocation"/>). Inside the Functions host the request's services are the invocation's scope, as they
/// are in the local host.
/// </summary>
internal static class MerchantApi
{
    /// <param name="readsQuery">The function reads its query parameters with a <see cref="QueryReader"/>, which refuses
    /// the ones it does not know; otherwise it takes none, and any query parameter answers 400 here, before it runs.</param>
    public static Task<IResult> RunAsync(HttpRequest request, Func<IServiceProvider, Task<IResult>> function, bool readsQuery = false) =>
        ApiInvocation.RunAsync(
            request,
            http => http.RequestServices.GetRequiredService<MerchantAuthentication>().AuthenticateAsync(http),
            function,
            readsQuery);
}

/// <summary>
/// What every API function does around its work, whoever its caller (a merchant, an operator): authenticate (or answer
/// the refusal), refuse query parameters it does not read; no FX rates yet answers 503; a failure it did not expect
/// answers a 500 problem, as every other answer is one, and is logged with its cause.
/// </summary>
internal static partial class ApiInvocation
{
    public static async Task<IResult> RunAsync(
        HttpRequest request, Func<HttpContext, Task<IResult?>> authenticate, Func<IServiceProvider, Task<IResult>> function, bool readsQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(authenticate);
        ArgumentNullException.ThrowIfNull(function);
        var http = request.HttpContext;
        var services = http.RequestServices;
        try
        {
            var rejection = await authenticate(http) ?? (readsQuery ? null : new QueryReader(request.Query).Problem());
            return rejection ?? await function(services);
        }
        catch (FxRatesUnavailableException ex)
        {
            // Not the client's mistake and not a defect: the app cannot quote until its rate feeds have answered.
            return ApiProblems.FxRatesUnavailable(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiInvocation)), ex, request.Method, request.Path, http.TraceIdentifier);
            return ApiProblems.Internal(http.TraceIdentifier);
        }
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Error, Message = "{Method} {Path} failed (trace id {TraceId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path, string traceId);
}
