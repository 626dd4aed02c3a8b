using Checkout.Functions.Api;
using Checkout.Workflows.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.Functions.Functions;

/// <summary>
/// <c>GET /api/diagnostics/storage-operations</c>: this instance's storage requests by kind since it started. The
/// benchmark reads it before and after a run to price a checkout in storage transactions. Counts only (no names, ids or data), and answered only in Development or when
/// <c>Diagnostics:StorageOperations</c> is true (404 otherwise), so a production app exposes nothing new by default.
/// Not part of the merchant API, so not in the OpenAPI document.
/// </summary>
public static class StorageOperationsFunction
{
    public const string EnabledSetting = "Diagnostics:StorageOperations";

    [Function("StorageOperations"), ExcludeFromDescription]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + "diagnostics/storage-operations")] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var services = req.HttpContext.RequestServices;
        return IsEnabled(services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<IConfiguration>())
            ? Get(services.GetRequiredService<StorageOperationCounters>())
            : Results.NotFound();
    }

    public static bool IsEnabled(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() || configuration.GetValue<bool>(EnabledSetting);

    private static IResult Get(StorageOperationCounters counters) => Results.Json(new
    {
        operations = counters.Snapshot(),
        total = counters.Total,
        retries = counters.Retries,
    });
}
