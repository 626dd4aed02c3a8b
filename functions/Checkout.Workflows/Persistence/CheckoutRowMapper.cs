using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Persistence;

/// <summary>
/// Maps a checkout to its read-model row: partition = merchant, row = checkout id. State and timeline are JSON,
/// Brotli-compressed and split over binary <c>Json0..JsonN</c> columns to respect the 64 KiB property limit; the columns
/// a list filters and shows (status, reference, times) sit beside it as they are.
/// <para>Compressed because the Tables wire format escapes each quote of a JSON string property as <c>\u0022</c>: a
/// checkout's 6.5 KB of JSON went out as an 11 KB request, and up to 18 KB while the row held the assessment's events;
/// compressed, about a third of the JSON. Rows written as text (<c>Data0..DataN</c>, before) still read.</para>
/// </summary>
internal static class CheckoutRowMapper
{
    /// <summary>Under the 64 KiB limit of one binary property.</summary>
    private const int ChunkBytes = 60_000;

    /// <summary>Leaves headroom under the 1 MiB entity limit for the other columns.</summary>
    private const int MaxDataBytes = 900_000;

    /// <summary>Brotli's quality 4: most of its ratio on JSON at a small part of the default level's CPU.</summary>
    private const int BrotliQuality = 4;

    private const int BrotliWindow = 22;

    public static TableEntity ToRow(CheckoutState state, IReadOnlyList<HistoryEntry> timeline, RecordedAssessment? assessment = null)
    {
        var data = Compress(JsonSerializer.SerializeToUtf8Bytes(new StoredCheckout(state, timeline, assessment), WorkflowJson.Options));
        if (data.Length > MaxDataBytes)
        {
            throw new InvalidOperationException($"Checkout {state.Id} is {data.Length} bytes compressed, over the entity limit.");
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
        for (var offset = 0; offset < data.Length; offset += ChunkBytes, chunks++)
        {
            row["Json" + chunks] = data.AsSpan(offset, Math.Min(ChunkBytes, data.Length - offset)).ToArray();
        }

        row["JsonChunks"] = chunks;
        return row;
    }

    public static StoredCheckout ToCheckout(TableEntity row)
    {
        var json = row.GetInt32("JsonChunks") is { } chunks ? Decompress(row, chunks) : Encoding.UTF8.GetBytes(TextData(row));
        return JsonSerializer.Deserialize<StoredCheckout>(json, WorkflowJson.Options)
            ?? throw new InvalidOperationException($"Checkout row {row.RowKey} is empty.");
    }

    private static byte[] Compress(byte[] json)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        if (!BrotliEncoder.TryCompress(json, buffer, out var written, BrotliQuality, BrotliWindow))
        {
            throw new InvalidOperationException("Brotli could not compress a checkout into its maximum compressed length.");
        }

        return buffer[..written];
    }

    private static byte[] Decompress(TableEntity row, int chunks)
    {
        using var compressed = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            compressed.Write(row.GetBinary("Json" + i) ?? throw new InvalidOperationException($"Checkout row {row.RowKey} lacks Json{i}."));
        }

        compressed.Position = 0;
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var json = new MemoryStream();
        brotli.CopyTo(json);
        return json.ToArray();
    }

    /// <summary>A row written before the JSON was compressed: the text over <c>Data0..DataN</c>.</summary>
    private static string TextData(TableEntity row)
    {
        var chunks = row.GetInt32("DataChunks") ?? throw new InvalidOperationException($"Checkout row {row.RowKey} has neither JsonChunks nor DataChunks.");
        var json = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            json.Append(row.GetString("Data" + i));
        }

        return json.ToString();
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
