using Checkout.Storage.Tables;
using Checkout.Testing;

namespace Checkout.Storage.Tests.Tables;

/// <summary>Fresh tables and bulk rows for Azurite tests; every test works in its own table.</summary>
internal static class TableTestData
{
    public static async Task<TableClient> CreateTableAsync(this TableServiceClient service, string prefix)
    {
        var table = service.GetTableClient(UniqueName.Table(prefix));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public static TableEntity Entity(string partitionKey, string rowKey, params (string Name, object Value)[] properties)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in properties)
        {
            entity[name] = value;
        }

        return entity;
    }

    /// <summary>Inserts rows "r0000".."rNNNN" in one partition through transactions of 100 (the service maximum).</summary>
    public static async Task InsertRowsAsync(this TableClient table, string partitionKey, int count)
    {
        for (var start = 0; start < count; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, count - start))
                .Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add,
                    Entity(partitionKey, RowKey(i), ("Index", i))))
                .ToList();
            await table.SubmitTransactionAsync(actions);
        }
    }

    public static string RowKey(int index) => index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
