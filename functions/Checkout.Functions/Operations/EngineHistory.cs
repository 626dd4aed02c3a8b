using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Checkout.Workflows;

namespace Checkout.Functions.Operations;

/// <summary>
/// An orchestration's history as the engine keeps it: the rows of the Durable Task Azure Storage provider's
/// <c>{TaskHub}History</c> table (partition = instance id, row key = sequence in hex), the backend this app runs on in
/// Azure and locally. Read directly because the gRPC client's <c>GetOrchestrationHistoryAsync</c> is not served for a
/// finished instance by the local sidecar; a move to the Durable Task Scheduler or MSSQL backend replaces this reader
/// with that call. Only the events' kinds, names, times and outcomes are read, never inputs or results: those carry
/// buyer and payment data, and large ones live in blobs.
/// </summary>
internal static class EngineHistory
{
    private static readonly string[] Columns =
        ["RowKey", "EventType", "Name", "EventId", "TaskScheduledId", "TimerId", "FireAt", "_Timestamp", "OrchestrationStatus", "Reason", "FailureDetails"];

    /// <summary>The events in order, without the <c>OrchestratorStarted</c>/<c>OrchestratorCompleted</c> markers of
    /// each replay episode (counted in <see cref="EngineHistoryView.Episodes"/>); null when the engine holds no history
    /// for the instance (purged, or never started).</summary>
    public static async Task<EngineHistoryView?> ReadAsync(TableServiceClient tables, CheckoutWorkflowOptions options, string instanceId, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(options.TaskHub + "History");
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), select: Columns, cancellationToken: cancellationToken))
            {
                if (row.RowKey != "sentinel")
                {
                    rows.Add(row);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        if (rows.Count == 0)
        {
            return null;
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
        var scheduled = rows.Where(r => r.GetString("EventType") == "TaskScheduled" && r.GetInt32("EventId") is not null)
            .GroupBy(r => r.GetInt32("EventId")!.Value).ToDictionary(g => g.Key, g => g.First().GetString("Name") ?? string.Empty);
        var episodes = rows.Count(r => r.GetString("EventType") == "OrchestratorStarted");
        var events = rows
            .Where(r => r.GetString("EventType") is not ("OrchestratorStarted" or "OrchestratorCompleted"))
            .Select(r => Event(r, scheduled))
            .ToList();
        return new EngineHistoryView(episodes, events);
    }

    private static EngineHistoryEventView Event(TableEntity row, Dictionary<int, string> scheduled)
    {
        var type = row.GetString("EventType") ?? "Unknown";
        var taskName = row.GetInt32("TaskScheduledId") is { } taskId ? scheduled.GetValueOrDefault(taskId) : null;
        var detail = type switch
        {
            "TimerCreated" or "TimerFired" => row.GetDateTimeOffset("FireAt") is { } fireAt ? $"fires at {fireAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}" : null,
            "ExecutionCompleted" => row.GetString("OrchestrationStatus"),
            "TaskFailed" or "SubOrchestrationInstanceFailed" => Failure(row),
            _ => null,
        };
        return new EngineHistoryEventView(
            int.Parse(row.RowKey, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            type,
            row.GetString("Name") ?? taskName,
            row.GetDateTimeOffset("_Timestamp"),
            detail);
    }

    private static string? Failure(TableEntity row)
    {
        if (row.GetString("FailureDetails") is { Length: > 0 } json && json != "null")
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("ErrorMessage", out var message))
                {
                    return message.GetString();
                }
            }
            catch (JsonException)
            {
                // Not the shape this reader knows: fall back to the reason.
            }
        }

        return row.GetString("Reason");
    }
}

/// <param name="Episodes">How many times the orchestrator ran (replayed) to get here.</param>
internal sealed record EngineHistoryView(int Episodes, IReadOnlyList<EngineHistoryEventView> Events);

/// <param name="Sequence">The event's place in the history (the row key).</param>
/// <param name="Name">The activity, timer or event's name; for a task's completion or failure, the task it answers.</param>
internal sealed record EngineHistoryEventView(int Sequence, string EventType, string? Name, DateTimeOffset? At, string? Detail);
