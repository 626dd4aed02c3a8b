using System.Net;
using System.Text.Json;
using Checkout.Testing;

namespace Checkout.Functions.Tests;

public sealed class HealthFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Health_AppOnAzurite_ReportsQueuesAndTablesOk()
    {
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Checkout__ResourcePrefix"] = "h" + Guid.NewGuid().ToString("N")[..8],
        });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var response = await Eventually.UntilAsync(
            async () => await TryGetAsync(http, "/api/health"),
            r => r is not null || app.HasExited,
            TimeSpan.FromSeconds(60),
            "the app answers /api/health");

        Assert.False(app.HasExited, app.Output);
        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("queues").GetProperty("status").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("tables").GetProperty("status").GetString());
        var fx = body.RootElement.GetProperty("fx");
        Assert.Equal(("sample", "sandbox"), (fx.GetProperty("status").GetString(), fx.GetProperty("source").GetString()));
        Assert.Equal("2026-11-20", fx.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Startup_MalformedConnectionString_ExitsNamingTheProblemWithoutTheKey()
    {
        const string secret = "c2VjcmV0LWtleS1kby1ub3QtcHJpbnQ=";
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=https;AccountKey={secret}",
        });

        await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("AzureWebJobsStorage", app.Output, StringComparison.Ordinal);
        Assert.Contains("AccountName", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_NoStorageSettingOutsideDevelopment_ExitsNamingTheSetting()
    {
        using var app = AppProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("The AzureWebJobsStorage setting is not valid: it is not set", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_NoProviderNamedOutsideDevelopment_ExitsNamingTheSetting()
    {
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Payouts__Rail"] = "sandbox",
            ["Fx__Source"] = "sandbox",
            ["Secrets__EncryptionKeys"] = $"{TestSecrets.KeyId}={TestSecrets.Key}",
            ["Secrets__ActiveKeyId"] = TestSecrets.KeyId,
            ["Buyers__IdentityHashKey"] = TestSecrets.IdentityHashKey,
        });

        await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("Payments:Provider is not set", app.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Secrets:EncryptionKeys is not set")]
    [InlineData("dev-only=" + Checkout.Workflows.Secrets.SecretsOptions.DevelopmentKey, "Secrets:EncryptionKeys holds the published development key")]
    public async Task Startup_NoUsableEncryptionKeyOutsideDevelopment_ExitsNamingTheSettingWithoutTheKey(string? keys, string expected)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Checkout__ResourcePrefix"] = "k" + Guid.NewGuid().ToString("N")[..8],
            ["Payments__Provider"] = "sandbox",
            ["Payouts__Rail"] = "sandbox",
            ["Secrets__ActiveKeyId"] = "dev-only",
            ["Buyers__IdentityHashKey"] = TestSecrets.IdentityHashKey,
        };
        if (keys is not null)
        {
            settings["Secrets__EncryptionKeys"] = keys;
        }

        using var app = AppProcess.Start(settings);
        await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(expected, app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Checkout.Workflows.Secrets.SecretsOptions.DevelopmentKey, app.Output, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            return await http.GetAsync(new Uri(path, UriKind.Relative));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
