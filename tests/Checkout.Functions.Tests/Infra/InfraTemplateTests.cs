using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Functions.Triggers;
using Checkout.LocalHost.Metadata;
using Microsoft.Extensions.Configuration;
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
    public void Template_AppSettings_RunTheIsolatedWorkerOnTheTemplatesStorage()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(TemplatePath));
        var site = template.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        var settings = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("DOTNET-ISOLATED|10.0", site.GetProperty("properties").GetProperty("siteConfig").GetProperty("linuxFxVersion").GetString());
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"]);
        var storage = settings.Single(s => s.Key.Contains("'AzureWebJobsStorage'", StringComparison.Ordinal));
        Assert.Contains("'AzureWebJobsStorage__accountName'", storage.Key, StringComparison.Ordinal);
        Assert.Contains("listKeys(", storage.Value, StringComparison.Ordinal);
        Assert.Contains("variables('storageAccountName')", storage.Value, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/components", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void Template_EncryptionKeys_AreAKeyVaultReferenceWithTheActiveKeyIdAndNoDefaults()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(TemplatePath));
        var root = template.RootElement;
        var site = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        var settings = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);
        var parameters = root.GetProperty("parameters");

        // The key ring itself never passes through the template or the app settings: only the reference to it does.
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('encryptionKeysSecretUri'))]", settings["Secrets__EncryptionKeys"]);
        Assert.Equal("[parameters('activeEncryptionKeyId')]", settings["Secrets__ActiveKeyId"]);
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('identityHashKeySecretUri'))]", settings["Buyers__IdentityHashKey"]);
        Assert.False(parameters.GetProperty("identityHashKeySecretUri").TryGetProperty("defaultValue", out _));
        Assert.False(parameters.GetProperty("encryptionKeysSecretUri").TryGetProperty("defaultValue", out _));
        Assert.False(parameters.GetProperty("activeEncryptionKeyId").TryGetProperty("defaultValue", out _));
        Assert.Contains("identity.principalId", root.GetProperty("outputs").GetProperty("functionAppPrincipalId").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            Checkout.Workflows.Secrets.SecretsOptions.EncryptionKeysSetting.Replace(":", "__", StringComparison.Ordinal),
            settings.Keys.Single(k => k.EndsWith("EncryptionKeys", StringComparison.Ordinal)));
    }

    [Fact]
    public void Template_IdentityStorage_GrantsTheAppsIdentityBlobQueueAndTableDataRoles()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(TemplatePath));
        var root = template.RootElement;
        var roles = root.GetProperty("variables").GetProperty("storageDataRoles").EnumerateArray().Select(r => r.GetString()).ToList();
        var assignment = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments");

        // Storage Blob Data Owner (the host's leases), Queue Data Contributor, Table Data Contributor.
        Assert.Equal(["b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"], roles);
        Assert.Equal("[variables('useIdentity')]", assignment.GetProperty("condition").GetString());
        Assert.Contains("identity.principalId", assignment.GetProperty("properties").GetProperty("principalId").GetString(), StringComparison.Ordinal);
        Assert.Equal(["connectionString", "identity"], root.GetProperty("parameters").GetProperty("storageConnection").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Template_QueuesAndTables_AreExactlyThoseTheAppCreatesAndTriggersRead()
    {
        var (queues, tables) = ReadTemplateStorage();
        var prefix = "i" + Guid.NewGuid().ToString("N")[..8];

        var created = await StartAppAndListStorageAsync(prefix);

        AssertSameNames("queues", created.Queues.Select(q => q[(prefix.Length + 1)..]), queues);
        AssertSameNames("tables", created.Tables.Select(t => t[(prefix.Length + 1)..]), tables);
        var triggered = Functions().WithTrigger(FunctionBinding.QueueTrigger).Select(f => SettingExpression.Resolve(f.Trigger.QueueName!, DerivedSettings()));
        Assert.Empty(triggered.Except(queues));
    }

    [Fact]
    public void Template_AppSettings_SetEveryTriggerSettingToWhatTheAppDerives()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(TemplatePath));
        var site = template.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        var settings = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);
        var named = Functions().Functions.SelectMany(f => f.Entry.Bindings)
            .SelectMany(b => new[] { b.QueueName, b.Schedule }).OfType<string>()
            .SelectMany(v => System.Text.RegularExpressions.Regex.Matches(v, "%([^%]+)%").Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).ToList();
        var derived = TriggerSettings.Derive(new ConfigurationBuilder().Build());

        Assert.NotEmpty(named);
        Assert.All(named, name =>
        {
            var setting = name.Replace(":", "__", StringComparison.Ordinal);
            Assert.True(settings.TryGetValue(setting, out var value), $"The Functions host resolves %{name}%: add the app setting {setting} to infra/azuredeploy.json.");
            Assert.Equal(derived[name], value);
        });
    }

    private static FunctionCatalog Functions() =>
        FunctionCatalog.Load(Path.Combine(AppContext.BaseDirectory, FunctionCatalog.FileName), typeof(CheckoutFunctionsExtensions).Assembly);

    private static IConfiguration DerivedSettings() =>
        new ConfigurationBuilder().AddInMemoryCollection(TriggerSettings.Derive(new ConfigurationBuilder().Build()).ToDictionary(p => p.Key, p => (string?)p.Value)).Build();

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

    /// <summary>The app creates its queues and tables at start-up; the SDK lists what exists under the prefix.</summary>
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

        // Listed through the Azure SDK's service clients, not the app's registrations: what exists, whoever made it.
        var queues = new List<string>();
        await foreach (var queue in new QueueServiceClient(azurite.ConnectionString).GetQueuesAsync(prefix: prefix + "-"))
        {
            queues.Add(queue.Name);
        }

        var tables = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync())
        {
            if (table.Name.StartsWith("t" + prefix, StringComparison.Ordinal))
            {
                tables.Add(table.Name);
            }
        }

        return ([.. queues], [.. tables]);
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
}
