using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Persistence;

/// <summary>Maps state, history and outbox to table rows. State is JSON split over <c>Data0..DataN</c> columns to
/// respect the 64 KiB string-property limit; queryable columns (status, merchant, times) sit beside it.</summary>
internal static class CheckoutRowMapper
{
    public static TableEntity ToStateRow(CheckoutState state)
    {
        var json = JsonSerializer.Serialize(state, WorkflowJson.Options);
        if (json.Length > CheckoutRows.MaxStateChars)
        {
            throw new InvalidOperationException($"Checkout {state.Id} state is {json.Length} chars, over the entity limit.");
        }

        var row = new TableEntity(state.Id, CheckoutRows.StateRowKey)
        {
            ["Status"] = state.Phase.ToStatus(),
            ["MerchantId"] = state.MerchantId,
            ["MerchantReference"] = state.MerchantReference,
            ["Sequence"] = state.Sequence,
            ["CreatedAt"] = state.CreatedAt,
            ["UpdatedAt"] = state.UpdatedAt,
        };
        var chunks = 0;
        for (var offset = 0; offset < json.Length; offset += CheckoutRows.ChunkChars, chunks++)
        {
            row["Data" + chunks] = json.Substring(offset, Math.Min(CheckoutRows.ChunkChars, json.Length - offset));
        }

        row["DataChunks"] = chunks;
        return row;
    }

    public static CheckoutState ToState(TableEntity row)
    {
        var chunks = row.GetInt32("DataChunks") ?? throw new InvalidOperationException($"State row of {row.PartitionKey} has no DataChunks.");
        var json = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            json.Append(row.GetString("Data" + i));
        }

        return JsonSerializer.Deserialize<CheckoutState>(json.ToString(), WorkflowJson.Options)
            ?? throw new InvalidOperationException($"State row of {row.PartitionKey} is empty.");
    }

    /// <summary>The state row's columns that <see cref="ToSummary"/> reads; a list selects only these.</summary>
    public static IReadOnlyList<string> SummaryColumns { get; } = ["MerchantReference", "Status", "CreatedAt", "UpdatedAt"];

    public static CheckoutSummary ToSummary(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("MerchantReference"),
        row.GetString("Status") ?? throw new InvalidOperationException($"State row of {row.PartitionKey} has no Status."),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);

    public static TableEntity ToHistoryRow(string checkoutId, HistoryEntry entry) =>
        new(checkoutId, CheckoutRows.History(entry.Sequence))
        {
            ["EventType"] = entry.EventType,
            ["At"] = entry.At,
            ["Status"] = entry.Status,
            ["Detail"] = entry.Detail ?? string.Empty,
        };

    public static HistoryEntry ToHistory(TableEntity row) => new(
        int.Parse(row.RowKey.AsSpan(CheckoutRows.HistoryPrefix.Length), System.Globalization.CultureInfo.InvariantCulture),
        row.GetString("EventType") ?? string.Empty,
        row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        row.GetString("Status") ?? string.Empty,
        row.GetString("Detail"));

    public static TableEntity ToOutboxRow(string checkoutId, OutboxMessage message) =>
        new(checkoutId, message.RowKey)
        {
            ["Queue"] = message.Queue,
            ["Body"] = message.Body,
            ["VisibleAt"] = message.VisibleAt,
            ["WrittenAt"] = message.WrittenAt,
        };

    public static OutboxMessage ToOutbox(TableEntity row)
    {
        var visibleAt = row.GetDateTimeOffset("VisibleAt") ?? DateTimeOffset.MinValue;
        return new(
            row.RowKey,
            row.GetString("Queue") ?? throw new InvalidOperationException($"Outbox row {row.PartitionKey}/{row.RowKey} has no queue."),
            row.GetString("Body") ?? string.Empty,
            visibleAt,
            row.GetDateTimeOffset("WrittenAt") ?? visibleAt);
    }
}
