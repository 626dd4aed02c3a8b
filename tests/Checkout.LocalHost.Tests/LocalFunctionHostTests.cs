using System.Reflection;
using Checkout.Functions;
using Checkout.LocalHost.Metadata;
using Checkout.LocalHost.Queues;
using Checkout.LocalHost.Timers;
using Checkout.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Checkout.LocalHost.Tests;

/// <summary>The local host serves exactly the functions the app's build lists in functions.metadata, on their triggers.</summary>
public sealed class LocalFunctionHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Prefix = "lh";

    [Fact]
    public void Metadata_ListsEveryFunctionMethodOfTheApp()
    {
        var declared = typeof(CheckoutFunctionsExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name).OfType<string>();

        Assert.Equal(declared.Order(StringComparer.Ordinal), Catalog().Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Build_ServesEveryHttpFunctionAtItsRouteAndMethods_AndNothingElse()
    {
        await using var app = Build();

        var served = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName} {string.Join(',', e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)} {e.RoutePattern.RawText}");
        var listed = Catalog().WithTrigger(FunctionBinding.HttpTrigger)
            .Select(f => $"{f.Name} {string.Join(',', f.Trigger.Methods!.Select(m => m.ToUpperInvariant()))} /{f.Trigger.Route}");

        Assert.Equal(listed.Order(StringComparer.Ordinal), served.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Build_ListensToEveryQueueFunctionsQueue_ResolvedFromItsSetting()
    {
        await using var app = Build();

        var registrations = app.Services.GetRequiredService<QueueTriggerRegistry>().Registrations;
        var listed = Catalog().WithTrigger(FunctionBinding.QueueTrigger).ToList();

        Assert.Equal(listed.Select(f => f.Name).Order(StringComparer.Ordinal), registrations.Select(r => r.FunctionName!).Order(StringComparer.Ordinal));
        Assert.Contains(registrations, r => r.FunctionName == "Payouts" && r.QueueName == Prefix + "-payouts");
        Assert.Contains(registrations, r => r.FunctionName == "WebhookFanOutPoison" && r.QueueName == Prefix + "-webhooks-poison");
        Assert.Equal(16, app.Services.GetRequiredService<QueueTriggerOptions>().BatchSize);
    }

    [Fact]
    public async Task Build_LeavesOutAFunctionDisabledByItsSetting_AsTheFunctionsHostDoes()
    {
        await using var app = LocalFunctionHost.Build(
            ["--environment=Development", $"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Checkout:ResourcePrefix={Prefix}",
             "--AzureWebJobs.PayoutsPoison.Disabled=true", "--AzureWebJobs:Health:Disabled=True", "--AzureWebJobs.Payouts.Disabled=false"]);

        var queues = app.Services.GetRequiredService<QueueTriggerRegistry>().Registrations.Select(r => r.FunctionName).ToList();
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).ToList();

        Assert.DoesNotContain("PayoutsPoison", queues);
        Assert.Contains("Payouts", queues);
        Assert.DoesNotContain("Health", routes);
        Assert.Equal(["Health", "PayoutsPoison"], app.Services.GetRequiredService<FunctionCatalog>().Disabled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Build_RunsTheQueueListenersAndTheTimers()
    {
        await using var app = Build();

        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();

        Assert.Contains(typeof(QueueTriggerHostedService), hosted);
        Assert.Contains(typeof(TimerTriggerService), hosted);
        Assert.Equal(["FxRatesRefresh", "IdempotencySweep"], Catalog().WithTrigger(FunctionBinding.TimerTrigger).Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    private static FunctionCatalog Catalog() =>
        FunctionCatalog.Load(Path.Combine(AppContext.BaseDirectory, FunctionCatalog.FileName), typeof(CheckoutFunctionsExtensions).Assembly);

    private WebApplication Build() =>
        LocalFunctionHost.Build(["--environment=Development", $"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Checkout:ResourcePrefix={Prefix}"]);
}
