using Checkout.Storage;
using Checkout.Storage.Queues;
using Checkout.Storage.Tables;
using Checkout.Workflows;

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
        var queue = await ProbeAsync(() => queues.GetQueueClient(options.WorkQueue).GetApproximateMessageCountAsync(cancellationToken));
        var table = await ProbeAsync(() => tables.GetTableClient(options.CheckoutsTable).GetEntityIfExistsAsync("health", "probe", cancellationToken: cancellationToken));
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
        catch (StorageRequestFailedException ex)
        {
            return (false, $"{ex.Status} {ex.ErrorCode}");
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.Message);
        }
    }
}
