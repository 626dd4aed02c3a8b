using Checkout.Functions.Api;

namespace Checkout.Functions.Operations;

/// <summary>How every console API function runs, as <see cref="MerchantApi"/> does for merchants: sign the operator in
/// (or 401), refuse query parameters the function does not read, answer an unexpected failure with a logged 500.</summary>
internal static partial class OperatorApi
{
    public static async Task<IResult> RunAsync(HttpRequest request, Func<IServiceProvider, Task<IResult>> function, bool readsQuery = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        var http = request.HttpContext;
        var services = http.RequestServices;
        try
        {
            var rejection = services.GetRequiredService<OperatorAuthentication>().Authenticate(http)
                ?? (readsQuery ? null : new QueryReader(request.Query).Problem());
            return rejection ?? await function(services);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorApi)), ex, request.Method, request.Path, http.TraceIdentifier);
            return ApiProblems.Internal(http.TraceIdentifier);
        }
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "Console {Method} {Path} failed (trace id {TraceId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path, string traceId);
}
