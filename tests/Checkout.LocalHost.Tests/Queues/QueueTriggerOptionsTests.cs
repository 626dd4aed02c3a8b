using Azure.Storage.Queues;
using Checkout.LocalHost.Queues;
using Checkout.Testing;

namespace Checkout.LocalHost.Tests.Queues;

public sealed class QueueTriggerOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hostjson-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void FromHostJson_RepositoryHostJson_HasTheDocumentedQueueSettings()
    {
        var options = QueueTriggerOptions.FromHostJson(Path.Combine(RepositoryPaths.Root, "host.json"));

        Assert.Equal(16, options.BatchSize);
        Assert.Equal(8, options.NewBatchThreshold);
        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, options.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
        Assert.Equal(QueueMessageEncoding.Base64, options.MessageEncoding);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ReceiveVisibilityTimeout);
    }

    [Fact]
    public void FromHostJson_CustomValuesWithComments_AreBound()
    {
        var path = Write("""
            {
              // comments are allowed in host.json
              "version": "2.0",
              "extensions": { "queues": {
                "batchSize": 4, "newBatchThreshold": 1, "maxDequeueCount": 2,
                "visibilityTimeout": "00:00:05", "maxPollingInterval": "00:01:00", "messageEncoding": "none" } }
            }
            """);

        var options = QueueTriggerOptions.FromHostJson(path);

        Assert.Equal(4, options.BatchSize);
        Assert.Equal(1, options.NewBatchThreshold);
        Assert.Equal(2, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(5), options.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxPollingInterval);
        Assert.Equal(QueueMessageEncoding.None, options.MessageEncoding);
    }

    [Fact]
    public void FromHostJson_NoQueuesSection_KeepsDefaults()
    {
        var options = QueueTriggerOptions.FromHostJson(Write("""{ "version": "2.0" }"""));

        Assert.Equal(16, options.BatchSize);
        Assert.Equal(8, options.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
    }

    [Theory]
    [InlineData("\"batchSize\": 33", "batchSize")]
    [InlineData("\"batchSize\": 0", "batchSize")]
    [InlineData("\"maxDequeueCount\": 0", "maxDequeueCount")]
    [InlineData("\"newBatchThreshold\": -1", "newBatchThreshold")]
    [InlineData("\"maxPollingInterval\": \"00:00:00.050\"", "maxPollingInterval")]
    [InlineData("\"visibilityTimeout\": \"8.00:00:00\"", "visibilityTimeout")]
    public void FromHostJson_InvalidSetting_ThrowsNamingIt(string setting, string expected)
    {
        var path = Write($$"""{ "extensions": { "queues": { {{setting}} } } }""");

        var ex = Assert.Throws<InvalidOperationException>(() => QueueTriggerOptions.FromHostJson(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromHostJson_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => QueueTriggerOptions.FromHostJson(Path.Combine(_dir, "absent.json")));
    }

    private string Write(string json)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
