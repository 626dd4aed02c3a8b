using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Functions.OpenApi;
using Checkout.Workflows;
using Checkout.Workflows.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.Functions.Functions;

/// <summary><c>GET /api/health</c>: whether this instance can reach its queues and tables. No auth: load balancers
/// and the run script poll it.</summary>
public static class HealthFunction
{
    [Function("Health")]
    [EndpointSummary("Storage connectivity"), Tags(CheckoutDocumentTransformer.MetaTag)]
    [EndpointDescription("Whether this instance reaches its queues and tables. No API key needed.")]
    [ProducesResponseType<object>(StatusCodes.Status200OK), ProducesResponseType<object>(StatusCodes.Status503ServiceUnavailable)]
    public static Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var services = req.HttpContext.RequestServices;
        return CheckAsync(
            services.GetRequiredService<QueueServiceClient>(), services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<CheckoutWorkflowOptions>(), cancellationToken);
    }

    private static async Task<IResult> CheckAsync(
        QueueServiceClient queues, TableServiceClient tables, CheckoutWorkflowOptions options, CancellationToken cancellationToken)
    {
        var queue = await ProbeAsync(() => queues.GetQueueClient(options.WebhooksQueue).GetPropertiesAsync(cancellationToken));
        var table = await ProbeAsync(() => tables.GetTableClient(options.CheckoutsTable).GetEntityOrNullAsync("health", "probe", cancellationToken));
        var healthy = queue.Ok && table.Ok;
        var body = new
        {
            status = healthy ? "healthy" : "unhealthy",
            queues = new { status = queue.Ok ? "ok" : "unreachable", detail = queue.Detail },
            tables = new { status = table.Ok ? "ok" : "unreachable", detail = table.Detail },
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
