using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Workflows;
using Checkout.Workflows.Storage;

namespace Checkout.Functions.Functions;

/// <summary><c>GET /api/health</c>: whether this instance can reach its queues and tables. No auth: load balancers
/// and the run script poll it.</summary>
internal static class HealthFunction
{
    public const string Name = "Health";

    public const string Route = "/api/health";

    public static async Task<IResult> CheckAsync(
        QueueServiceClient queues, TableServiceClient tables, CheckoutWorkflowOptions options, CancellationToken cancellationToken)
    {
        var queue = await ProbeAsync(() => queues.GetQueueClient(options.WorkQueue).GetPropertiesAsync(cancellationToken));
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
