using Checkout.Functions.Hosting.CustomHandler;
using Microsoft.AspNetCore.Routing;

namespace Checkout.Functions.Hosting.Metadata;

/// <summary>Reads the HTTP functions from the app's endpoint data sources: one function per named route endpoint.</summary>
internal static class HttpFunctionReader
{
    public static void Read(IEndpointRouteBuilder endpoints, List<FunctionDefinition> functions, List<string> problems)
    {
        var routeEndpoints = endpoints.DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<QueueInvocationEndpointMetadata>() is null);
        foreach (var endpoint in routeEndpoints)
        {
            var function = ToFunction(endpoint, problems);
            if (function is not null)
            {
                functions.Add(function);
            }
        }
    }

    private static FunctionDefinition? ToFunction(RouteEndpoint endpoint, List<string> problems)
    {
        var template = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray() ?? [];
        var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var shown = $"{(methods.Length == 0 ? "ANY" : string.Join(',', methods))} {template}";
        if (name is null)
        {
            var suggestion = FunctionCatalog.SuggestName((methods.FirstOrDefault() ?? "Handle").ToLowerInvariant() + " " + template.Replace("/" + FunctionCatalog.RoutePrefix + "/", "/", StringComparison.Ordinal));
            problems.Add($"The HTTP endpoint {shown} has no function name, so no function.json is generated for it and the Functions host never routes to it. Add .WithName(\"{suggestion}\") where it is mapped.");
            return null;
        }

        var prefix = "/" + FunctionCatalog.RoutePrefix + "/";
        if (!template.StartsWith(prefix, StringComparison.Ordinal))
        {
            problems.Add($"The HTTP function '{name}' is mapped at {template}, outside {prefix}; the Functions host only serves routes below its route prefix '{FunctionCatalog.RoutePrefix}'. Map it below {prefix}.");
            return null;
        }

        if (methods.Length == 0)
        {
            problems.Add($"The HTTP function '{name}' at {template} accepts any method; map it with MapGet, MapPost, ... so its function.json can list its methods.");
            return null;
        }

        return new FunctionDefinition(name, FunctionTrigger.Http, template[prefix.Length..], methods, null, null);
    }
}
