using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.Functions.Operations;

/// <summary>
/// Serves the console's page and its assets at <c>/console/</c> from the <c>console</c> folder shipped beside the app
/// (plain HTML, CSS and JavaScript: no build step). Anyone may load the page; everything it shows comes from
/// <c>/api/console</c>, behind the operator key. Only the listed files are served, so no path reaches beyond them.
/// </summary>
public static class ConsolePageFunction
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        [string.Empty] = "text/html; charset=utf-8",
        ["index.html"] = "text/html; charset=utf-8",
        ["console.js"] = "text/javascript; charset=utf-8",
        ["console.css"] = "text/css; charset=utf-8",
    };

    [Function("ConsolePage"), ExcludeFromDescription]
    public static IResult Serve([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest req, string? path)
    {
        ArgumentNullException.ThrowIfNull(req);
        var name = path ?? string.Empty;
        if (name.Length == 0 && !req.Path.Value!.EndsWith('/'))
        {
            // Relative asset links need the trailing slash.
            return Results.Redirect("/console/");
        }

        if (!Files.TryGetValue(name, out var contentType))
        {
            return Results.NotFound();
        }

        var file = Path.Combine(AppContext.BaseDirectory, "console", name.Length == 0 ? "index.html" : name);
        req.HttpContext.Response.Headers.CacheControl = "no-cache";
        req.HttpContext.Response.Headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'";
        return Results.File(file, contentType);
    }
}
