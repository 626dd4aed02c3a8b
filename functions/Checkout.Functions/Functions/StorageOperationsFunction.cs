using Checkout.Workflows.Runtime;
using Checkout.Workflows.Storage;

namespace Checkout.Functions.Functions;

/// <summary>
/// <c>GET /api/diagnostics/storage-operations</c>: this instance's storage requests by kind since it started, and its
/// ETag races and dropped duplicates. The benchmark reads it before and after a run to price a checkout in storage
/// transactions. Counts only (no names, ids or data), and mapped only in Development or when
/// <c>Diagnostics:StorageOperations</c> is true, so a production app exposes nothing new by default.
/// </summary>
internal static class StorageOperationsFunction
{
    public const string Name = "StorageOperations";
    public const string Route = "/api/diagnostics/storage-operations";
    public const string EnabledSetting = "Diagnostics:StorageOperations";

    public static bool IsEnabled(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() || configuration.GetValue<bool>(EnabledSetting);

    public static IResult Get(StorageOperationCounters counters, WorkflowMetrics metrics) => Results.Json(new
    {
        operations = counters.Snapshot(),
        total = counters.Total,
        retries = counters.Retries,
        etagConflicts = metrics.EtagConflicts,
        duplicatesIgnored = metrics.DuplicatesIgnored,
    });
}
