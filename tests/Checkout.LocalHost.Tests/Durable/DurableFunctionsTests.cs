using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Functions;
using Checkout.LocalHost.Durable;
using Checkout.LocalHost.Metadata;
using Checkout.Testing;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.LocalHost.Tests.Durable;

/// <summary>
/// The local host runs Durable functions on the real engine (Azure Storage provider behind the gRPC sidecar) on Azurite:
/// functions of this assembly, listed in a catalog as the worker SDK would list them.
/// </summary>
public sealed class DurableFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Orchestration_StartedThroughTheClient_RunsTheAppsActivitiesOnAzurite()
    {
        var prefix = UniqueName.Table("dt");
        await using var app = Build(prefix, queue: UniqueName.Queue("greet"));
        using var timeout = new CancellationTokenSource(Timeout);
        await app.Services.InitializeCheckoutAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestration, new GreetingRequest("Ada"), timeout.Token);
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails} {done.SerializedOutput}");
        var outcome = done.ReadOutputAs<GreetingOutcome>()!;
        Assert.Equal(new Greeting("Hello Ada", nameof(GreetingFunctions.ComposeGreeting), id, HadServices: true), outcome.Greeting);
        Assert.Equal("No second greeting for Ada", outcome.Failure);
        // The output is in the task hub as the worker's serializer writes it: property names as declared.
        Assert.Contains("\"Greeting\":{\"Text\":\"Hello Ada\"", done.SerializedOutput, StringComparison.Ordinal);

        var hub = app.Services.GetRequiredService<DurableTaskHubOptions>().HubName;
        Assert.Equal("checkout" + prefix, hub);
        var tables = new TableServiceClient(azurite.ConnectionString);
        foreach (var table in new[] { hub + "Instances", hub + "History" })
        {
            Assert.True(await ExistsAsync(tables, table, timeout.Token), $"table {table} exists");
        }

        await app.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task QueueAndHttpFunctions_BindTheDurableClient()
    {
        var queueName = UniqueName.Queue("greet");
        await using var app = Build(UniqueName.Table("dt"), queueName);
        using var timeout = new CancellationTokenSource(Timeout);
        await app.Services.InitializeCheckoutAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync(cancellationToken: timeout.Token);

        var id = "greeting-" + Guid.NewGuid().ToString("N");
        await queue.SendMessageAsync(id, timeout.Token);
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        await Eventually.UntilAsync(() => client.GetInstanceAsync(id, timeout.Token), i => i is not null, Timeout, "the queue function started the orchestration");
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(id, done.ReadOutputAs<GreetingOutcome>()!.Greeting.InstanceId);

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var status = await http.GetFromJsonAsync<JsonElement>($"/api/greetings/{id}", timeout.Token);
        Assert.Equal("Completed", status.GetProperty("status").GetString());

        await app.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task WaitUntilStarted_FalseForAnInstanceWhoseStartIsNotCommitted_TrueOnceItIs()
    {
        await using var app = Build(UniqueName.Table("dt"), queue: UniqueName.Queue("greet"));
        using var timeout = new CancellationTokenSource(Timeout);
        await app.Services.InitializeCheckoutAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        var client = app.Services.GetRequiredService<DurableTaskClient>();

        var now = await client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestration, new GreetingRequest("Ada"), timeout.Token);
        await client.WaitForInstanceCompletionAsync(now, getInputsAndOutputs: false, timeout.Token);

        // An instance as the engine leaves it when a crash stops its first episode before the commit: its Instances row
        // as the start wrote it, Pending with no custom status, and no history (the start message would come back later
        // and run the episode again). Made from the row of the instance above, so it has every column the engine writes.
        var instances = new TableServiceClient(azurite.ConnectionString).GetTableClient(app.Services.GetRequiredService<DurableTaskHubOptions>().HubName + "Instances");
        var row = (await instances.GetEntityAsync<TableEntity>(now, string.Empty, cancellationToken: timeout.Token)).Value;
        var later = "greeting-" + Guid.NewGuid().ToString("N");
        var pending = new TableEntity(row) { PartitionKey = later, ["RuntimeStatus"] = nameof(OrchestrationRuntimeStatus.Pending) };
        pending.Remove("CustomStatus");
        await instances.AddEntityAsync(pending, timeout.Token);

        // One whose first episode committed its history but not its instance update, and a later episode wrote its
        // custom status: the provider leaves it Pending, but it has started.
        var stuck = "greeting-" + Guid.NewGuid().ToString("N");
        await instances.AddEntityAsync(new TableEntity(pending) { PartitionKey = stuck, ["CustomStatus"] = "\"greeting\"" }, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await client.GetInstanceAsync(later, timeout.Token))!.RuntimeStatus);
        Assert.False(await client.WaitUntilStartedAsync(later, TimeSpan.FromMilliseconds(300), TimeProvider.System, timeout.Token));
        Assert.False(await client.WaitUntilStartedAsync("greeting-missing", TimeSpan.Zero, TimeProvider.System, timeout.Token));
        Assert.True(await client.WaitUntilStartedAsync(now, TimeSpan.Zero, TimeProvider.System, timeout.Token));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await client.GetInstanceAsync(stuck, timeout.Token))!.RuntimeStatus);
        Assert.True(await client.WaitUntilStartedAsync(stuck, TimeSpan.Zero, TimeProvider.System, timeout.Token));

        await app.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task ExtendedSessions_LaterEpisodesRunOnTheHistoryHeld_NotReadAgain()
    {
        // The greeting runs three episodes (the start, then each activity's result). The history is read when a session
        // starts: with sessions kept, once; without, once per episode. Counted on the app's own storage requests.
        var withSessions = await HistoryReadsOfOneGreetingAsync(extendedSessions: true);
        var without = await HistoryReadsOfOneGreetingAsync(extendedSessions: false);

        Assert.True(withSessions + 2 <= without, $"table queries with extended sessions {withSessions}, without {without}");
    }

    private async Task<long> HistoryReadsOfOneGreetingAsync(bool extendedSessions)
    {
        await using var app = Build(UniqueName.Table("dt"), UniqueName.Queue("greet"), $"--DurableTask:ExtendedSessionsEnabled={extendedSessions}");
        using var timeout = new CancellationTokenSource(Timeout);
        await app.Services.InitializeCheckoutAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var counters = app.Services.GetRequiredService<StorageOperationCounters>();
        // Waited for on the Instances row through a client of the test's own, so that no status read is counted.
        var instances = new TableServiceClient(azurite.ConnectionString).GetTableClient(app.Services.GetRequiredService<DurableTaskHubOptions>().HubName + "Instances");

        var before = counters.Get("Table.Query");
        var id = await client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestration, new GreetingRequest("Ada"), timeout.Token);
        await Eventually.UntilAsync(
            async () => (await instances.GetEntityIfExistsAsync<TableEntity>(id, string.Empty, cancellationToken: timeout.Token)).Value?.GetString("RuntimeStatus"),
            status => status == nameof(OrchestrationRuntimeStatus.Completed), Timeout, "the greeting completed");
        var queries = counters.Get("Table.Query") - before;

        var done = await client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal("Hello Ada", done!.ReadOutputAs<GreetingOutcome>()!.Greeting.Text);
        await app.StopAsync(timeout.Token);
        return queries;
    }

    // Not AnyAsync: the Durable packages bring System.Linq.Async, whose extension is ambiguous with .NET 10's.
    private static async Task<bool> ExistsAsync(TableServiceClient tables, string name, CancellationToken cancellationToken)
    {
        await foreach (var table in tables.QueryAsync(t => t.Name == name, cancellationToken: cancellationToken))
        {
            return table.Name == name;
        }

        return false;
    }

    private WebApplication Build(string prefix, string queue, params string[] settings) =>
        LocalFunctionHost.Build(
            ["--environment=Development", $"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Checkout:ResourcePrefix={prefix}",
             $"--Test:GreetingQueue={queue}", "--urls=http://127.0.0.1:0", .. settings],
            Catalog());

    private static FunctionCatalog Catalog()
    {
        var script = typeof(GreetingFunctions).Assembly.GetName().Name + ".dll";
        var type = typeof(GreetingFunctions).FullName;
        return FunctionCatalog.Create(
            [
                new FunctionEntry(GreetingFunctions.Orchestration, script, $"{type}.{nameof(GreetingFunctions.RunAsync)}",
                    [new FunctionBinding("context", FunctionBinding.OrchestrationTrigger, "In")]),
                new FunctionEntry(nameof(GreetingFunctions.ComposeGreeting), script, $"{type}.{nameof(GreetingFunctions.ComposeGreeting)}",
                    [new FunctionBinding("request", FunctionBinding.ActivityTrigger, "In")]),
                new FunctionEntry(nameof(GreetingFunctions.RefuseGreeting), script, $"{type}.{nameof(GreetingFunctions.RefuseGreeting)}",
                    [new FunctionBinding("request", FunctionBinding.ActivityTrigger, "In")]),
                new FunctionEntry(nameof(GreetingFunctions.StartGreeting), script, $"{type}.{nameof(GreetingFunctions.StartGreeting)}",
                    [new FunctionBinding("message", FunctionBinding.QueueTrigger, "In", QueueName: "%Test:GreetingQueue%"),
                     new FunctionBinding("client", FunctionBinding.DurableClient, "In")]),
                new FunctionEntry(nameof(GreetingFunctions.GreetingStatus), script, $"{type}.{nameof(GreetingFunctions.GreetingStatus)}",
                    [new FunctionBinding("request", FunctionBinding.HttpTrigger, "In", Route: "api/greetings/{id}", Methods: ["get"]),
                     new FunctionBinding("client", FunctionBinding.DurableClient, "In")]),
            ],
            typeof(GreetingFunctions).Assembly);
    }
}
