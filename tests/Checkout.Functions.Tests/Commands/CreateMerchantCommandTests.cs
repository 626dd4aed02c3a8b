using System.Net;
using Azure;
using Azure.Data.Tables;
using Checkout.Functions.Tests.Api;
using Checkout.Workflows;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Providers;

namespace Checkout.Functions.Tests.Commands;

/// <summary><c>Checkout.Functions merchants create</c>: a profile the payouts read, and a key that works once printed.</summary>
public sealed class CreateMerchantCommandTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Create_ValidNameAndCurrency_PrintsAKeyThatAuthenticatesTheNewMerchant()
    {
        var result = await RunAsync("create", "--name", "Shenzhen Gadgets Ltd", "--settlement-currency", "CNY");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var merchantId = lines[0].Split(' ')[1];
        var key = lines[^1];
        Assert.StartsWith("ck_", key, StringComparison.Ordinal);
        var profile = await Profiles().GetAsync(merchantId, CancellationToken.None);
        Assert.Equal(("Shenzhen Gadgets Ltd", "CNY"), (profile!.Name, profile.SettlementCurrency.Value));

        using var list = await app.SendAsync(HttpMethod.Get, "/api/checkouts", key: key);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("""{"data":[],"nextCursor":null}""", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_WithPayoutAccount_StoresTheDestinationThePayoutsGoTo()
    {
        var result = await RunAsync(
            "create", "--name", "Macau Pastries", "--settlement-currency", "MOP",
            "--payout-destination", """{"accountHolderName":"Macau Pastries","country":"MO","currency":"MOP","accountNumber":"9000123456789","bic":"BKCHMOMX"}""");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("account **** 6789 (MO, MOP, Macau Pastries)", lines[1], StringComparison.Ordinal);
        using var destination = await app.SendAsync(HttpMethod.Get, "/api/payout-destination", key: lines[^1]);
        var text = await destination.Content.ReadAsStringAsync();
        Assert.True(destination.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("\"scheme\":\"macau_local\"", text, StringComparison.Ordinal);
        Assert.Contains("\"bic\":\"BKCHMOMX\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9000123456789", text, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["create", "--name", "Acme", "--settlement-currency", "EUR", "--payout-destination", """{"accountHolderName":"Acme","country":"FR","currency":"EUR","iban":"FR7630006000011234567890188"}"""], "#/iban" },
        { ["create", "--name", "Acme", "--settlement-currency", "EUR", "--payout-destination", """{"accountHolderName":"Acme","country":"XX","currency":"EUR"}"""], "#/country" },
        { ["create", "--name", "Acme", "--settlement-currency", "EUR", "--payout-destination", """{"accountHolderName":"Acme","country":"GB","currency":"GBP","iban":"GB29NWBK60161331926819"}"""], "settlement currency EUR" },
        { ["create", "--name", "Acme", "--settlement-currency", "EUR", "--payout-destination", "not json"], "--payout-destination" },
        { ["create", "--name", "Acme", "--settlement-currency", "EUR", "--payout-account", "000123456789"], "--payout-account" },
        { ["create", "--name", "Acme", "--settlement-currency", "XXX"], "--settlement-currency" },
        { ["create", "--name", "Acme", "--settlement-currency", "eur"], "--settlement-currency" },
        { ["create", "--name", "Acme", "--settlement-currency", "BGN"], "--settlement-currency" },
        { ["create", "--name", "Acme"], "--settlement-currency" },
        { ["create", "--settlement-currency", "EUR"], "--name" },
        { ["create", "--name", "   ", "--settlement-currency", "EUR"], "--name" },
        { ["create", "--name", new string('n', 101), "--settlement-currency", "EUR"], "--name" },
        { ["create", "--name", "Acme", "--currency", "EUR"], "--currency" },
        { ["create", "--name"], "--name" },
        { ["delete", "--name", "Acme"], "create" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Create_BadArguments_Exits2NamingTheArgumentAndWritesNothing(string[] arguments, string named)
    {
        var before = await ProfileCountAsync();

        var result = await RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(before, await ProfileCountAsync());
    }

    [Fact]
    public async Task Create_FromAnotherWorkingDirectory_ReadsTheSettingsNextToTheApp()
    {
        // The at-rest key the payout account is encrypted with comes from appsettings.Development.json beside the dll.
        var elsewhere = Directory.CreateTempSubdirectory("checkout-cwd-");
        try
        {
            var result = await ToolProcess.RunAsync(
                "dotnet",
                [Path.Combine(AppContext.BaseDirectory, "Checkout.Functions.dll"), "merchants", "create", "--name", "Lahore Looms", "--settlement-currency", "PKR",
                    "--payout-destination", $$"""{"accountHolderName":"Lahore Looms","country":"PK","currency":"PKR","iban":"{{SandboxPayoutAccounts.PakistanPaidAtOnce}}","bic":"SCBLPKKX"}"""],
                elsewhere.FullName,
                Settings());

            Assert.True(result.ExitCode == 0, result.Error);
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    /// <summary>With the app's Development settings, as the app it shares storage with: the same at-rest key, so the
    /// account number it encrypts is the one the app's payouts decrypt.</summary>
    private Task<ToolProcess.Result> RunAsync(params string[] arguments) => ToolProcess.RunAppAsync(["merchants", .. arguments], Settings());

    private Dictionary<string, string> Settings() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["AzureWebJobsStorage"] = app.ConnectionString,
        ["Checkout__ResourcePrefix"] = app.Prefix,
    };

    private MerchantProfileStore Profiles() => new(app.Tables, new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix });

    private async Task<int> ProfileCountAsync()
    {
        var count = 0;
        try
        {
            await foreach (var _ in app.Tables.GetTableClient(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }.MerchantProfilesTable).QueryAsync<TableEntity>())
            {
                count++;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table is created on first use.
        }

        return count;
    }
}
