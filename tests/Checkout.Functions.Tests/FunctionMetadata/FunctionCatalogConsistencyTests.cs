using Checkout.Functions.Hosting.CustomHandler;
using Checkout.Functions.Hosting.Metadata;
using Checkout.Functions.Hosting.QueueTriggers;
using Checkout.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Functions.Tests.FunctionMetadata;

/// <summary>
/// The function.json files generated for the package describe exactly what the app serves: every mapped route with
/// its methods, every queue the standalone listener reads, every POST /{FunctionName} served under the Functions host.
/// When this fails, the message lists what to declare (see README, "Declaring a function").
/// </summary>
public sealed class FunctionCatalogConsistencyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fj-" + UniqueName.Queue("fj"));

    [Fact]
    public async Task GeneratedFunctionJson_StandaloneApp_DescribesEveryServedRouteAndQueue()
    {
        await using var app = CheckoutFunctionsApp.Build([]);
        var catalog = app.ReadFunctionCatalog();
        Assert.True(catalog.Problems.Count == 0, Explain(catalog));

        FunctionJsonWriter.WriteAll(catalog, _directory);
        var generated = GeneratedFunctionJson.Describe(_directory);

        var servedRoutes = ServedHttp(app).Select(e => $"{string.Join(',', e.Methods)} {e.Route}").Order(StringComparer.Ordinal);
        var generatedRoutes = generated.Where(g => g.Contains(": http ", StringComparison.Ordinal)).Select(g => g[(g.IndexOf(": http ", StringComparison.Ordinal) + 7)..]).Order(StringComparer.Ordinal);
        Assert.Equal(servedRoutes, generatedRoutes);

        var listened = app.Services.GetRequiredService<QueueTriggerRegistry>().Registrations.Select(r => r.QueueName).Order(StringComparer.Ordinal);
        var generatedQueues = generated.Where(g => g.Contains(": queue ", StringComparison.Ordinal)).Select(g => g.Split(' ')[2]).Order(StringComparer.Ordinal);
        Assert.Equal(listened, generatedQueues);
        Assert.Equal(catalog.Functions.Select(f => f.Describe()).Order(StringComparer.Ordinal), generated);
    }

    [Fact]
    public async Task GeneratedFunctionJson_CustomHandlerApp_EveryQueueFunctionHasItsInvocationEndpoint()
    {
        await using var app = CheckoutFunctionsApp.Build([$"--{CustomHandlerMode.PortSetting}=7199"]);
        FunctionJsonWriter.WriteAll(app.ReadFunctionCatalog(), _directory);
        var generatedQueueFunctions = GeneratedFunctionJson.Describe(_directory)
            .Where(g => g.Contains(": queue ", StringComparison.Ordinal))
            .Select(g => g[..g.IndexOf(':', StringComparison.Ordinal)]);

        var invocationPaths = Endpoints(app)
            .Where(e => e.Metadata.GetMetadata<QueueInvocationEndpointMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'));

        Assert.Equal(generatedQueueFunctions.Order(StringComparer.Ordinal), invocationPaths.Order(StringComparer.Ordinal));
        Assert.Equal(ServedHttp(app).Count(), GeneratedFunctionJson.Describe(_directory).Count(g => g.Contains(": http ", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static IEnumerable<RouteEndpoint> Endpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();

    private static IEnumerable<(string Route, IEnumerable<string> Methods)> ServedHttp(WebApplication app) =>
        Endpoints(app)
            .Where(e => e.Metadata.GetMetadata<QueueInvocationEndpointMetadata>() is null)
            .Select(e => (
                "/" + e.RoutePattern.RawText!.Trim('/'),
                (IEnumerable<string>)(e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray() ?? ["ANY"])));

    private static string Explain(FunctionCatalog catalog) =>
        "Some functions are served but not declared for the Azure Functions host. Fix each (README, \"Declaring a function\"):"
        + Environment.NewLine + string.Join(Environment.NewLine, catalog.Problems.Select(p => "- " + p));
}
