using Checkout.Functions.Hosting.Metadata;
using Checkout.Functions.Hosting.QueueTriggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Checkout.Functions.Tests.FunctionMetadata;

/// <summary>What a developer sees when a new function is not declared completely: a problem that names the fix.</summary>
public sealed class FunctionCatalogTests
{
    private static readonly QueueTriggerHandler Noop = (_, _) => Task.CompletedTask;

    [Fact]
    public async Task Read_UnnamedEndpoint_AsksForWithName()
    {
        await using var app = WebApplication.CreateBuilder().Build();
        app.MapGet("/api/payouts/{id}", () => Results.Ok());

        var catalog = FunctionCatalog.Read(app, new QueueTriggerRegistry());

        Assert.Empty(catalog.Functions);
        var problem = Assert.Single(catalog.Problems);
        Assert.Contains("GET /api/payouts/{id}", problem, StringComparison.Ordinal);
        Assert.Contains(".WithName(\"GetPayoutsId\")", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NamedEndpointOutsideApiPrefix_AsksToMapItBelowApi()
    {
        await using var app = WebApplication.CreateBuilder().Build();
        app.MapGet("/openapi.json", () => Results.Ok()).WithName("OpenApiDocument");

        var problem = Assert.Single(FunctionCatalog.Read(app, new QueueTriggerRegistry()).Problems);

        Assert.Contains("Map it below /api/", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnnamedQueueHandler_AsksForRegistryAddWithName()
    {
        await using var app = WebApplication.CreateBuilder().Build();
        var registry = new QueueTriggerRegistry().Add("payout-requests", Noop);

        var problem = Assert.Single(FunctionCatalog.Read(app, registry).Problems);

        Assert.Contains("registry.Add(\"PayoutRequests\", <queue name>, handler)", problem, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Read(app, registry).EnsureValid());
    }

    [Fact]
    public async Task Read_SameNameForRouteAndQueue_ReportsTheDuplicate()
    {
        await using var app = WebApplication.CreateBuilder().Build();
        app.MapPost("/api/webhooks", () => Results.Ok()).WithName("Webhooks");
        var registry = new QueueTriggerRegistry().Add("webhooks", "webhooks", Noop);

        var problem = Assert.Single(FunctionCatalog.Read(app, registry).Problems);

        Assert.Contains("'Webhooks' is declared 2 times", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NamedEndpointAndQueue_DescribesBoth()
    {
        await using var app = WebApplication.CreateBuilder().Build();
        app.MapMethods("/api/balances/{currency}", ["GET", "HEAD"], () => Results.Ok()).WithName("GetBalance");
        var registry = new QueueTriggerRegistry().Add("Payouts", "payouts", Noop, "PayoutStorage");

        var catalog = FunctionCatalog.Read(app, registry).EnsureValid();

        Assert.Equal(
            ["GetBalance: http GET,HEAD /api/balances/{currency}", "Payouts: queue payouts via PayoutStorage"],
            catalog.Functions.Select(f => f.Describe()));
    }
}
