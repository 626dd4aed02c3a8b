using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Checkout.Functions.Hosting.Metadata;
using Checkout.Testing;

namespace Checkout.Functions.Tests.Infra;

/// <summary>infra/azuredeploy.json validates, and provisions exactly the queues and tables the app uses.</summary>
public sealed class InfraTemplateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string TemplatePath = Path.Combine(RepositoryPaths.Root, "infra", "azuredeploy.json");

    [Fact]
    public void Template_StaticChecks_FindNoProblem()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(TemplatePath));

        var problems = ArmTemplateChecker.Check(template.RootElement);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Template_AppSettings_RunTheCustomHandlerOnTheTemplatesStorage()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(TemplatePath));
        var site = template.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        var settings = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("custom", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"]);
        Assert.Contains("variables('storageAccountName')", settings["AzureWebJobsStorage"], StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/components", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_QueuesAndTables_AreExactlyThoseTheAppCreatesAndTriggersRead()
    {
        var (queues, tables) = ReadTemplateStorage();
        var prefix = "i" + Guid.NewGuid().ToString("N")[..8];

        var created = await StartAppAndListStorageAsync(prefix);

        AssertSameNames("queues", created.Queues.Select(q => q[(prefix.Length + 1)..]), queues);
        AssertSameNames("tables", created.Tables.Select(t => t[(prefix.Length + 1)..]), tables);
        await using var app = CheckoutFunctionsApp.Build([]);
        var triggered = app.ReadFunctionCatalog().Functions.Where(f => f.Trigger == FunctionTrigger.Queue).Select(f => f.QueueName!);
        Assert.Empty(triggered.Except(queues));
    }

    private static void AssertSameNames(string kind, IEnumerable<string> created, string[] declared)
    {
        var missing = created.Except(declared).ToList();
        var extra = declared.Except(created).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"infra/azuredeploy.json variables.{kind} must list exactly the {kind} the app creates at start-up. Add: [{string.Join(", ", missing)}]; remove (or create them at start-up): [{string.Join(", ", extra)}].");
    }

    private static (string[] Queues, string[] Tables) ReadTemplateStorage()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(TemplatePath));
        var variables = template.RootElement.GetProperty("variables");
        return (
            [.. variables.GetProperty("queues").EnumerateArray().Select(q => q.GetString()!)],
            [.. variables.GetProperty("tables").EnumerateArray().Select(t => t.GetString()!)]);
    }

    /// <summary>The app creates its queues and tables at start-up; an independent client lists what exists under the prefix.</summary>
    private async Task<(string[] Queues, string[] Tables)> StartAppAndListStorageAsync(string prefix)
    {
        using var process = AppProcess.Start(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Checkout__ResourcePrefix"] = prefix,
        });
        using var http = new HttpClient { BaseAddress = process.BaseAddress };
        await Eventually.UntilAsync(
            async () => await IsHealthyAsync(http),
            healthy => healthy || process.HasExited,
            TimeSpan.FromSeconds(60),
            "the app answers /api/health");
        Assert.False(process.HasExited, process.Output);

        using var listed = JsonDocument.Parse(await RunNodeAsync(new { connectionString = azurite.ConnectionString, queuePrefix = prefix + "-", tablePrefix = "t" + prefix }));
        return (
            [.. listed.RootElement.GetProperty("queues").EnumerateArray().Select(q => q.GetString()!)],
            [.. listed.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetString()!)]);
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<string> RunNodeAsync(object arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "Checkout.Functions.Tests", "Infra", "list-storage.mjs"));
        start.ArgumentList.Add(JsonSerializer.Serialize(arguments));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await errors);
        return await output;
    }
}
