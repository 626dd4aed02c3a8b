using Checkout.Functions.Triggers;
using Checkout.LocalHost.Durable;
using Checkout.Testing;
using Checkout.Workflows.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.LocalHost.Tests.Durable;

/// <summary>The task hub settings come from host.json as the Functions host reads them, with local-only overrides.</summary>
public sealed class DurableTaskHubOptionsTests
{
    private static readonly string RootHostJson = Path.Combine(RepositoryPaths.Root, "host.json");

    [Fact]
    public void RootHostJson_HubNameIsTheAppsSetting_ResolvedAfterTheAppFillsIt()
    {
        Assert.Equal(TriggerSettings.TaskHub, DurableTaskHubOptions.FromHostJson(RootHostJson).HubName);

        var options = DurableTaskHubOptions.Load(RootHostJson, Settings(("Checkout:TaskHub", "checkoutabc")));

        Assert.Equal("checkoutabc", options.HubName);
        // Nothing in host.json says otherwise, so work held by a killed local process comes back within seconds.
        Assert.True(options.WorkItemQueueVisibilityTimeout <= TimeSpan.FromSeconds(30));
        Assert.True(options.ControlQueueVisibilityTimeout <= TimeSpan.FromSeconds(30));
        Assert.True(options.LeaseInterval <= TimeSpan.FromSeconds(15));
        // One control queue locally: four cost four pollers on one single-threaded Azurite (issue 19).
        Assert.Equal(1, options.PartitionCount);
        // host.json's own setting, for Azure too: the steps wait on storage and on webhook endpoints, not on a core, and
        // the provider's default of 10 at once held the bench at 10-11 checkouts/s with Azurite not yet saturated (issue 19).
        Assert.Equal(100, options.MaxConcurrentActivityFunctions);
        // Also host.json's, for Azure too: a later episode runs on the history held rather than reading it again.
        Assert.True(options.ExtendedSessionsEnabled);
        Assert.Equal(30, options.ExtendedSessionIdleTimeoutInSeconds);
    }

    [Fact]
    public void Load_StorageProviderSettings_FromHostJsonThenTheLocalSection()
    {
        var path = WriteHostJson("""
            {
              "version": "2.0",
              "extensions": {
                "durableTask": {
                  // comments are allowed, as in the Functions host
                  "hubName": "%Hub%",
                  "maxConcurrentActivityFunctions": 7,
                  "maxConcurrentOrchestratorFunctions": 3,
                  "extendedSessionsEnabled": true,
                  "storageProvider": {
                    "partitionCount": 2,
                    "controlQueueBatchSize": 16,
                    "controlQueueVisibilityTimeout": "00:00:20",
                    "workItemQueueVisibilityTimeout": "00:05:00",
                    "maxQueuePollingInterval": "00:00:01"
                  }
                }
              }
            }
            """);

        var options = DurableTaskHubOptions.Load(path, Settings(("Hub", "myhub"), ("DurableTask:WorkItemQueueVisibilityTimeout", "00:00:10")));

        Assert.Equal("myhub", options.HubName);
        Assert.Equal(7, options.MaxConcurrentActivityFunctions);
        Assert.Equal(3, options.MaxConcurrentOrchestratorFunctions);
        Assert.True(options.ExtendedSessionsEnabled);
        Assert.Equal(2, options.PartitionCount);
        Assert.Equal(16, options.ControlQueueBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(20), options.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.WorkItemQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MaxQueuePollingInterval);
    }

    [Fact]
    public void Load_HubNameStorageCannotHold_Throws()
    {
        var path = WriteHostJson("""{ "extensions": { "durableTask": { "hubName": "my-hub" } } }""");

        var error = Assert.Throws<InvalidOperationException>(() => DurableTaskHubOptions.Load(path, Settings()));

        Assert.Contains("my-hub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_IdentityBasedStorage_IsRefusedWithTheSettingToUse()
    {
        var account = StorageAccountSettings.Read(Settings(("AzureWebJobsStorage:accountName", "someaccount")));

        var error = Assert.Throws<InvalidOperationException>(() =>
            TaskHubStorage.Create(DurableTaskHubOptions.Load(RootHostJson, Settings(("Checkout:TaskHub", "checkoutx"))), account, new StorageOperationCounters(), NullLoggerFactory.Instance));

        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static string WriteHostJson(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
