using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Checkout.LocalHost.Queues;
using Checkout.Testing;
using Checkout.Workflows.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.LocalHost.Tests.Queues;

public sealed class QueueTriggerHostedServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Wait = QueueTriggerTestContext.Wait;

    [Fact]
    public async Task RunsOneListenerPerRegistration_AndNotifyReachesTheRightOne()
    {
        using var clients = new StorageClients(azurite.ConnectionString);
        var storage = clients.Queues;
        var (first, second) = (UniqueName.Queue("host-a"), UniqueName.Queue("host-b"));
        await storage.GetQueueClient(first).CreateIfNotExistsAsync();
        await storage.GetQueueClient(second).CreateIfNotExistsAsync();
        var handled = new ConcurrentQueue<string>();
        var registry = new QueueTriggerRegistry()
            .Add(first, (m, _) => Record(handled, "a:" + m.Text))
            .Add(second, (m, _) => Record(handled, "b:" + m.Text));
        // Long back-off: only Notify makes the listeners poll again after their first empty poll.
        var options = new QueueTriggerOptions { MinPollingInterval = TimeSpan.FromMinutes(5), MaxPollingInterval = TimeSpan.FromMinutes(10) };
        await using var host = new QueueTriggerHostedService(registry, clients.QueueClientFactory, options, NullLoggerFactory.Instance);
        await host.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(
            () => Task.FromResult(host.Listeners.Values.All(l => l.State == QueueListenerState.WaitingForMessages)), idle => idle, Wait, "both listeners are idle");
        var signal = new QueueTriggerSignal(host);

        await storage.GetQueueClient(first).SendMessageAsync("one");
        await storage.GetQueueClient(second).SendMessageAsync("two");
        signal.Notify(first);
        signal.Notify(second);
        signal.Notify("not-a-registered-queue");
        await Eventually.UntilAsync(() => Task.FromResult(handled.Count), n => n == 2, Wait, "both queues were served");
        await host.StopAsync(CancellationToken.None);

        Assert.Equal(["a:one", "b:two"], handled.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(2, host.Listeners.Count);
    }

    [Fact]
    public void Registry_RejectsDuplicatesAndInvalidNames()
    {
        var registry = new QueueTriggerRegistry().Add("orders", (_, _) => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => registry.Add("orders", (_, _) => Task.CompletedTask));
        Assert.Throws<ArgumentException>(() => registry.Add("Bad_Name", (_, _) => Task.CompletedTask));
        Assert.Single(registry.Registrations);
    }

    private static Task Record(ConcurrentQueue<string> handled, string value)
    {
        handled.Enqueue(value);
        return Task.CompletedTask;
    }
}
