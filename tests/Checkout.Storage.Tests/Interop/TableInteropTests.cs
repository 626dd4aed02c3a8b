using System.Text.Json;
using Checkout.Storage.Tables;
using Checkout.Storage.Tests.Tables;
using Checkout.Testing;
using static Checkout.Storage.Tests.Tables.TableTestData;

namespace Checkout.Storage.Tests.Interop;

/// <summary>
/// Our table client and the official @azure/data-tables SDK read each other's entities, ETags, transactions and
/// continuation tokens on Azurite. The JS side reads with type conversion off, so it reports each value exactly as
/// the service typed it.
/// </summary>
public sealed class TableInteropTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task WeWriteEveryType_JavaScriptSdkReadsTheSameTypesAndValues()
    {
        var table = await _service.CreateTableAsync("interopours");
        var entity = new TableEntity("p", "it's ü");
        foreach (var (name, value) in TableInteropValues.Ours)
        {
            entity[name] = value;
        }

        var etag = await table.AddEntityAsync(entity);
        var seen = await RunAsync(table.Name, "get", new { partitionKey = "p", rowKey = "it's ü" });

        Assert.Equal(etag.Value, seen.GetProperty("etag").GetString());
        var properties = seen.GetProperty("properties");
        Assert.Equal(TableInteropValues.Ours.Count, properties.EnumerateObject().Count());
        Assert.All(TableInteropValues.Ours, pair => TableInteropValues.AssertJavaScriptSees(pair.Key, pair.Value, properties.GetProperty(pair.Key)));
    }

    [Fact]
    public async Task JavaScriptSdkWritesEveryType_WeReadTheSameTypesAndValues()
    {
        var name = UniqueName.Table("interopjs");
        var written = await RunAsync(name, "write", new
        {
            entities = new[] { new { partitionKey = "p", rowKey = "r", properties = TableInteropValues.Wire(TableInteropValues.Theirs) } },
        });

        var read = await _service.GetTableClient(name).GetEntityAsync("p", "r");

        Assert.Equal(written.GetProperty("etags")[0].GetString(), read.ETag?.Value);
        Assert.Equal(TableInteropValues.Theirs.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.All(TableInteropValues.Theirs, pair =>
        {
            Assert.IsType(pair.Value.GetType(), read[pair.Key]);
            Assert.Equal(pair.Value, read[pair.Key]);
        });
    }

    [Fact]
    public async Task ETag_OursUsedByJavaScriptSdk_GuardsItsUpdate()
    {
        var table = await _service.CreateTableAsync("interopetag");
        var ours = await table.AddEntityAsync(Entity("p", "r", ("Name", "v1")));

        var jsUpdate = await RunAsync(table.Name, "update", new { entity = WireEntity("p", "r", "v2"), etag = ours.Value });
        var afterJs = await table.GetEntityAsync("p", "r");
        var stale = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.UpdateEntityAsync(Entity("p", "r", ("Name", "v3")), ours));

        Assert.Equal(jsUpdate.GetProperty("etag").GetString(), afterJs.ETag?.Value);
        Assert.Equal("v2", afterJs.GetString("Name"));
        Assert.Equal(412, stale.Status);
    }

    [Fact]
    public async Task ETag_JavaScriptSdksUsedByUs_GuardsOurUpdate()
    {
        var name = UniqueName.Table("interopjsetag");
        var written = await RunAsync(name, "write", new { entities = new[] { WireEntity("p", "r", "v1") } });
        var theirs = new ETag(written.GetProperty("etags")[0].GetString()!);
        var table = _service.GetTableClient(name);

        var ours = await table.UpdateEntityAsync(Entity("p", "r", ("Name", "v2")), theirs, TableUpdateMode.Replace);
        var staleJs = await RunAsync(name, "update", new { entity = WireEntity("p", "r", "v3"), etag = theirs.Value });
        var seen = await RunAsync(name, "get", new { partitionKey = "p", rowKey = "r" });

        Assert.Equal(412, staleJs.GetProperty("status").GetInt32());
        Assert.Equal(ours.Value, seen.GetProperty("etag").GetString());
        Assert.Equal("v2", seen.GetProperty("properties").GetProperty("Name").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Transaction_JavaScriptSdkSubmits_WeReadItsResultsAndETags()
    {
        var name = UniqueName.Table("interopjsbatch");
        var written = await RunAsync(name, "write", new { entities = new[] { WireEntity("p", "update", "v1"), WireEntity("p", "delete", "v1") } });
        var updateETag = written.GetProperty("etags")[0].GetString();

        var result = await RunAsync(name, "transaction", new
        {
            actions = new object[]
            {
                new { kind = "create", entity = WireEntity("p", "create", "v2") },
                new { kind = "upsert", entity = WireEntity("p", "upsert", "v2") },
                new { kind = "update", entity = WireEntity("p", "update", "v2"), etag = updateETag },
                new { kind = "delete", entity = WireEntity("p", "delete", "v2") },
            },
        });
        var rows = (await _service.GetTableClient(name).QueryAsync().ToListAsync()).ToDictionary(e => e.RowKey);

        Assert.Equal(202, result.GetProperty("status").GetInt32());
        Assert.Equal(["create", "update", "upsert"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, row => Assert.Equal("v2", row.GetString("Name")));
        var etags = result.GetProperty("subResponses").EnumerateArray().Select(r => r.GetProperty("etag").GetString()).ToList();
        Assert.Equal([rows["create"].ETag?.Value, rows["upsert"].ETag?.Value, rows["update"].ETag?.Value], etags.Take(3));
    }

    [Fact]
    public async Task Transaction_WeSubmit_JavaScriptSdkReadsTheCommittedRowsAndETags()
    {
        var table = await _service.CreateTableAsync("interopoursbatch");
        var guarded = await table.AddEntityAsync(Entity("p", "update", ("Name", "v1")));

        var results = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Entity("p", "add", ("Name", "v2"))),
            new(TableTransactionActionType.UpdateReplace, Entity("p", "update", ("Name", "v2")), guarded),
        ]);
        var seen = await RunAsync(table.Name, "read", new { filter = (string?)null });

        var rows = seen.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("rowKey").GetString()!);
        Assert.Equal(["add", "update"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(results[0].ETag?.Value, rows["add"].GetProperty("etag").GetString());
        Assert.Equal(results[1].ETag?.Value, rows["update"].GetProperty("etag").GetString());
        Assert.All(rows.Values, row => Assert.Equal("v2", row.GetProperty("properties").GetProperty("Name").GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Continuation_JavaScriptSdkWritesOver1000Rows_WeReadThemAll()
    {
        var name = UniqueName.Table("interopjsmany");
        await RunAsync(name, "bulk", new { partitionKey = "p", count = 1_120 });

        var rows = await _service.GetTableClient(name).QueryAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 1_120).Select(RowKey), rows.Select(r => r.RowKey));
        Assert.Equal(Enumerable.Range(0, 1_120), rows.Select(r => r.GetInt32("Index") ?? -1));
    }

    [Fact]
    public async Task Continuation_WeWriteOver1000Rows_JavaScriptSdkReadsThemAll()
    {
        var table = await _service.CreateTableAsync("interopoursmany");
        await table.InsertRowsAsync("p", 1_050);
        await table.InsertRowsAsync("q", 30);

        var seen = await RunAsync(table.Name, "keys", new { });

        var expected = Enumerable.Range(0, 1_050).Select(i => "p/" + RowKey(i)).Concat(Enumerable.Range(0, 30).Select(i => "q/" + RowKey(i)));
        Assert.Equal(expected, seen.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task ContinuationToken_IssuedByEitherClient_ResumesInTheOther()
    {
        var table = await _service.CreateTableAsync("interoptoken");
        await table.InsertRowsAsync("p", 30);
        var jsFirst = await RunAsync(table.Name, "page", new { maxPageSize = 10 });
        var oursFirst = await FirstPageAsync(table.QueryPagesAsync(maxPerPage: 10));

        var oursAfterJs = await FirstPageAsync(table.QueryPagesAsync(maxPerPage: 10, continuationToken: jsFirst.GetProperty("continuationToken").GetString()));
        var jsAfterOurs = await RunAsync(table.Name, "page", new { maxPageSize = 10, continuationToken = oursFirst.ContinuationToken });

        var second = Enumerable.Range(10, 10).Select(RowKey).ToList();
        Assert.Equal(second, oursAfterJs.Entities.Select(e => e.RowKey));
        Assert.Equal(second, jsAfterOurs.GetProperty("rowKeys").EnumerateArray().Select(k => k.GetString()));
    }

    private static async Task<TablePage> FirstPageAsync(IAsyncEnumerable<TablePage> pages)
    {
        await foreach (var page in pages)
        {
            return page;
        }

        throw new InvalidOperationException("A query yields at least one page.");
    }

    private static object WireEntity(string partitionKey, string rowKey, string name) => new
    {
        partitionKey,
        rowKey,
        properties = new Dictionary<string, object> { ["Name"] = new { type = "String", value = name } },
    };

    private Task<JsonElement> RunAsync(string table, string op, object extra)
    {
        var arguments = JsonSerializer.SerializeToNode(extra)!.AsObject();
        arguments["connectionString"] = azurite.ConnectionString;
        arguments["table"] = table;
        arguments["op"] = op;
        return NodeScript.RunAsync("tests/Checkout.Storage.Tests/Interop/table-interop.mjs", arguments);
    }
}
