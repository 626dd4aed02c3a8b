using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Persistence;

/// <summary>Maps a checkout to its read-model row: partition = merchant, row = checkout id. State and timeline are
/// JSON split over <c>Data0..DataN</c> columns to respect the 64 KiB string-property limit; the columns a list filters
/// and shows (status, reference, times) sit beside it.</summary>
internal static class CheckoutRowMapper
{
    /// <summary>Stays under the 32K UTF-16 character (64 KiB) limit of one string property.</summary>
    private const int ChunkChars = 30_000;

    /// <summary>Leaves headroom under the 1 MiB entity limit for the other columns.</summary>
    private const int MaxDataChars = 900_000 / 2;

    public static TableEntity ToRow(CheckoutState state, IReadOnlyList<HistoryEntry> timeline, RecordedAssessment? assessment = null)
    {
        var json = JsonSerializer.Serialize(new StoredCheckout(state, timeline, assessment), WorkflowJson.Options);
        if (json.Length > MaxDataChars)
        {
            throw new InvalidOperationException($"Checkout {state.Id} is {json.Length} chars of JSON, over the entity limit.");
        }

        var row = new TableEntity(state.MerchantId, state.Id)
        {
            ["Status"] = state.Phase.ToStatus(),
            ["MerchantReference"] = state.MerchantReference,
            ["Sequence"] = state.Sequence,
            ["CreatedAt"] = state.CreatedAt,
            ["UpdatedAt"] = state.UpdatedAt,
        };
        var chunks = 0;
        for (var offset = 0; offset < json.Length; offset += ChunkChars, chunks++)
        {
            row["Data" + chunks] = json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
        }

        row["DataChunks"] = chunks;
        return row;
    }

    public static StoredCheckout ToCheckout(TableEntity row)
    {
        var chunks = row.GetInt32("DataChunks") ?? throw new InvalidOperationException($"Checkout row {row.RowKey} has no DataChunks.");
        var json = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            json.Append(row.GetString("Data" + i));
        }

        return JsonSerializer.Deserialize<StoredCheckout>(json.ToString(), WorkflowJson.Options)
            ?? throw new InvalidOperationException($"Checkout row {row.RowKey} is empty.");
    }

    /// <summary>The columns that <see cref="ToSummary"/> reads; a list selects only these.</summary>
    public static IReadOnlyList<string> SummaryColumns { get; } = ["PartitionKey", "RowKey", "MerchantReference", "Status", "CreatedAt", "UpdatedAt"];

    public static CheckoutSummary ToSummary(TableEntity row) => new(
        row.RowKey,
        row.PartitionKey,
        row.GetString("MerchantReference"),
        row.GetString("Status") ?? throw new InvalidOperationException($"Checkout row {row.RowKey} has no Status."),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
