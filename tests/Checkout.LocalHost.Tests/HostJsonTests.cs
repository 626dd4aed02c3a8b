using System.Text.Json;
using Checkout.LocalHost.Queues;
using Checkout.Testing;

namespace Checkout.LocalHost.Tests;

/// <summary>The root host.json is what the Functions host reads; these are the settings the app depends on.</summary>
public sealed class HostJsonTests
{
    private static readonly string Path = System.IO.Path.Combine(RepositoryPaths.Root, "host.json");

    [Fact]
    public void HostJson_IsolatedWorker_NoCustomHandlerNoBundleRoutesAtTheRoot()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        var root = document.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.False(root.TryGetProperty("customHandler", out _), "an isolated worker app has no custom handler");
        Assert.False(root.TryGetProperty("extensionBundle", out _), "the worker SDK's build brings the extensions (.azurefunctions)");
        Assert.Equal(Http.HttpFunctionEndpoints.RoutePrefix, "/" + root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(root.GetProperty("logging").TryGetProperty("logLevel", out _));
    }

    [Fact]
    public void HostJson_QueueSettings_AreTheOnesTheLocalListenerReads()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        var queues = document.RootElement.GetProperty("extensions").GetProperty("queues");

        var options = QueueTriggerOptions.FromHostJson(Path);

        Assert.Equal(queues.GetProperty("batchSize").GetInt32(), options.BatchSize);
        Assert.Equal(queues.GetProperty("maxDequeueCount").GetInt32(), options.MaxDequeueCount);
        Assert.Equal(queues.GetProperty("newBatchThreshold").GetInt32(), options.NewBatchThreshold);
        Assert.Equal(TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture), options.MaxPollingInterval);
    }
}
