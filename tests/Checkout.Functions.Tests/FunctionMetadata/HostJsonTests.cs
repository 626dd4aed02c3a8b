using System.Text.Json;
using Checkout.Functions.Hosting.Metadata;
using Checkout.Functions.Hosting.QueueTriggers;
using Checkout.Testing;

namespace Checkout.Functions.Tests.FunctionMetadata;

/// <summary>The root host.json is what the Functions host reads; these are the settings the app depends on.</summary>
public sealed class HostJsonTests
{
    private static readonly string Path = System.IO.Path.Combine(RepositoryPaths.Root, "host.json");

    [Fact]
    public void HostJson_CustomHandler_ForwardsHttpToThePublishedExecutable()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        var root = document.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        var handler = root.GetProperty("customHandler");
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("app/Checkout.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("app", handler.GetProperty("description").GetProperty("workingDirectory").GetString());
        Assert.Equal(FunctionCatalog.RoutePrefix, root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", root.GetProperty("extensionBundle").GetProperty("id").GetString());
        Assert.True(root.GetProperty("logging").TryGetProperty("logLevel", out _));
    }

    [Fact]
    public void HostJson_QueueSettings_AreTheOnesTheStandaloneListenerReads()
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
