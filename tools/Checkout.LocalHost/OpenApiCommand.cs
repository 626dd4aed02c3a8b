using Checkout.Functions.OpenApi;

namespace Checkout.LocalHost;

/// <summary><c>openapi [file]</c>: the document <c>GET /api/openapi.json</c> serves, generated from the HTTP functions'
/// metadata without starting anything (no storage needed), to stdout or a file.</summary>
internal static class OpenApiCommand
{
    /// <param name="app">Built and mapped, not started.</param>
    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count > 1)
        {
            await error.WriteLineAsync("Usage: Checkout.LocalHost openapi [file]");
            return 2;
        }

        // Serving registers the mapped endpoints with routing when the host starts; without starting, do it here.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var json = await CheckoutOpenApiDocument.GenerateAsync(app.Services, cancellationToken);
        if (args.Count == 0)
        {
            await output.WriteAsync(json);
            return 0;
        }

        var path = Path.GetFullPath(args[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, json, cancellationToken);
        await output.WriteLineAsync($"Wrote {path}");
        return 0;
    }
}
