using System.Linq.Expressions;
using System.Reflection;
using Checkout.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.Functions.Hosting;

/// <summary>
/// Serves every HTTP-triggered function of the app at <c>/api/{route}</c> with its methods and name, the way the
/// Functions host routes them: the <c>[Function]</c> methods are the one declaration of the HTTP API. Their
/// parameters (<see cref="HttpRequest"/>, route values, <see cref="CancellationToken"/>) bind as in the Functions
/// host's ASP.NET Core integration, and their documentation attributes become the endpoints' OpenAPI metadata.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public const string RoutePrefix = "/api/";

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, Assembly functions)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var (name, trigger, method) in Find(functions))
        {
            var methods = trigger.Methods is { Length: > 0 } declared ? declared.Select(m => m.ToUpperInvariant()) : ["GET", "POST"];
            endpoints.MapMethods(RoutePrefix + trigger.Route, methods, CreateDelegate(method))
                .WithName(name)
                .Document(method);
        }

        return endpoints;
    }

    /// <summary>Every HTTP-triggered function: its name, trigger and method, in declaration order.</summary>
    public static IEnumerable<(string Name, HttpTriggerAttribute Trigger, MethodInfo Method)> Find(Assembly functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return
            from type in functions.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
            where function is not null && trigger is not null
            select (function.Name, trigger, method);
    }

    private static Delegate CreateDelegate(MethodInfo method)
    {
        var types = method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).ToArray();
        return method.CreateDelegate(Expression.GetDelegateType(types));
    }
}
