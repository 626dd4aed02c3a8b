using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Fx;

/// <summary>
/// Accepted rate sets, one row each in partition <c>set</c>, keyed newest first (reverse ticks of the fetch time) so
/// the set in force is the first row of a one-row query; older sets stay as the record of what was quoted when. The
/// last fetch's outcome is one row of its own, replaced by each fetch.
/// </summary>
public sealed class FxRateStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private const string SetPartition = "set";
    private const string FetchPartition = "fetch";
    private const string LastFetchRow = "last";

    private readonly TableClient _table = tables.GetTableClient(options.FxRatesTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    public Task SaveAsync(StoredRateSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rates = set.Rates.Rates
            .OrderBy(r => r.Currency.Value, StringComparer.Ordinal)
            .Select(r => new RateRow(r.Currency.Value, r.UnitsPerEuro, r.AsOf, r.Source))
            .ToList();
        var row = new TableEntity(SetPartition, (DateTimeOffset.MaxValue.UtcTicks - set.FetchedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture))
        {
            ["FetchedAt"] = set.FetchedAt,
            ["AsOf"] = set.Rates.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Rates"] = JsonSerializer.Serialize(rates, Json),
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The set in force: the newest accepted one, or null before any was.</summary>
    public async Task<StoredRateSet?> GetNewestAsync(CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == SetPartition, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            var rates = JsonSerializer.Deserialize<List<RateRow>>(row.GetString("Rates"), Json)
                ?? throw new InvalidOperationException($"Stored rate set {row.RowKey} has no rates.");
            return new StoredRateSet(
                new ExchangeRateSet(rates.Select(r => new EuroRate(new CurrencyCode(r.Currency), r.UnitsPerEuro, r.AsOf, r.Source))),
                row.GetDateTimeOffset("FetchedAt") ?? throw new InvalidOperationException($"Stored rate set {row.RowKey} has no fetch time."));
        }

        return null;
    }

    public Task RecordFetchAsync(FxFetchRecord fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var row = new TableEntity(FetchPartition, LastFetchRow)
        {
            ["At"] = fetch.At,
            ["Outcome"] = fetch.Outcome,
            ["Detail"] = fetch.Detail,
        };
        return _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<FxFetchRecord?> GetLastFetchAsync(CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(FetchPartition, LastFetchRow, cancellationToken);
        return row is null
            ? null
            : new FxFetchRecord(row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, row.GetString("Outcome") ?? "", row.GetString("Detail") ?? "");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record RateRow(string Currency, decimal UnitsPerEuro, DateOnly AsOf, string Source);
}
