using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Functions.Api;
using Checkout.Functions.OpenApi;
using Checkout.Workflows;
using Checkout.Workflows.Fx;
using Checkout.Workflows.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.Functions.Functions;

/// <summary><c>GET /api/health</c>: whether this instance can do its work: reach its queues and tables, and quote with
/// FX rates that are current (a live set within the age quotes accept, or the sandbox's sample set). 503 otherwise,
/// saying which. No auth: load balancers and the run script poll it.</summary>
public static class HealthFunction
{
    [Function("Health")]
    [EndpointSummary("Storage connectivity and FX rate freshness"), Tags(CheckoutDocumentTransformer.MetaTag)]
    [EndpointDescription("Whether this instance reaches its queues and tables and has FX rates it may quote (as-of date, source, last fetch). 503 when storage is unreachable or the rates are stale or missing. No API key needed.")]
    [ProducesResponseType<object>(StatusCodes.Status200OK), ProducesResponseType<object>(StatusCodes.Status503ServiceUnavailable)]
    public static Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "health")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var services = req.HttpContext.RequestServices;
        return CheckAsync(
            services.GetRequiredService<QueueServiceClient>(),
            services.GetRequiredService<TableServiceClient>(),
            services.GetRequiredService<CheckoutWorkflowOptions>(),
            services.GetRequiredService<FxRateHealth>(),
            cancellationToken);
    }

    private static async Task<IResult> CheckAsync(
        QueueServiceClient queues, TableServiceClient tables, CheckoutWorkflowOptions options, FxRateHealth fxRates, CancellationToken cancellationToken)
    {
        var queue = await ProbeAsync(() => queues.GetQueueClient(options.WebhooksQueue).GetPropertiesAsync(cancellationToken));
        var table = await ProbeAsync(() => tables.GetTableClient(options.CheckoutsTable).GetEntityOrNullAsync("health", "probe", cancellationToken));
        // The last fetch's record is in a table: with tables unreachable, FX reports what this instance holds.
        var fx = await fxRates.CheckAsync(includeLastFetch: table.Ok, cancellationToken);
        var healthy = queue.Ok && table.Ok && fx.Healthy;
        var body = new
        {
            status = healthy ? "healthy" : "unhealthy",
            queues = new { status = queue.Ok ? "ok" : "unreachable", detail = queue.Detail },
            tables = new { status = table.Ok ? "ok" : "unreachable", detail = table.Detail },
            fx = new
            {
                status = fx.Status,
                source = fx.Source,
                asOf = fx.AsOf,
                fetchedAt = fx.FetchedAt,
                maxRateAgeDays = fx.MaxRateAgeDays,
                lastFetch = fx.LastFetch is { } last ? new { at = last.At, outcome = last.Outcome, detail = last.Detail } : null,
            },
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<(bool Ok, string? Detail)> ProbeAsync<T>(Func<Task<T>> probe)
    {
        try
        {
            await probe();
            return (true, null);
        }
        catch (RequestFailedException ex)
        {
            return (false, StorageErrors.Describe(ex));
        }
    }
}
