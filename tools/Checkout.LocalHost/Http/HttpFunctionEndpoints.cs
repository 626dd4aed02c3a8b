using System.Linq.Expressions;
using System.Reflection;
using Checkout.LocalHost.Metadata;

namespace Checkout.LocalHost.Http;

/// <summary>
/// Serves every HTTP-triggered function in <c>functions.metadata</c> at <c>/{route}</c> with its methods and
/// name, as the Functions host routes them (host.json <c>routePrefix</c> empty: the API's routes start "api/"
/// themselves, the console's "console/"). The function's parameters
/// (<see cref="HttpRequest"/>, route values, <see cref="CancellationToken"/>) bind as in the host's ASP.NET Core
/// integration, its <see cref="IResult"/> is executed on the response, and its documentation attributes become the
/// endpoint's OpenAPI metadata.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public const string RoutePrefix = "/";

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var function in catalog.WithTrigger(FunctionBinding.HttpTrigger))
        {
            var trigger = function.Trigger;
            var pattern = RoutePrefix + trigger.Route;
            // No methods means every method, as an HTTP trigger without methods takes them all.
            var endpoint = trigger.Methods is { Count: > 0 } methods
                ? endpoints.MapMethods(pattern, methods.Select(m => m.ToUpperInvariant()), CreateDelegate(function))
                : endpoints.Map(pattern, CreateDelegate(function));
            endpoint.WithName(function.Name).Document(function.Method);
        }

        return endpoints;
    }

    private static Delegate CreateDelegate(LocalFunction function)
    {
        var method = function.Method;
        if (!method.IsStatic)
        {
            throw new InvalidOperationException($"HTTP function {function.Name} must be static here: its services come from the request.");
        }

        var types = method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).ToArray();
        return method.CreateDelegate(Expression.GetDelegateType(types));
    }
}
