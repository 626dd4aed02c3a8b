using Checkout.Storage.Tables;
using Checkout.Testing;
using static Checkout.Storage.Tests.Tables.TableTestData;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableClientEntityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task AddEntity_ThenGet_ReturnsPropertiesAndTheSameETag()
    {
        var table = await _service.CreateTableAsync("add");

        var etag = await table.AddEntityAsync(Entity("p", "r", ("Name", "first"), ("Count", 3)));
        var read = await table.GetEntityAsync("p", "r");

        Assert.StartsWith("W/\"datetime'", etag.Value, StringComparison.Ordinal);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(("p", "r"), (read.PartitionKey, read.RowKey));
        Assert.Equal("first", read.GetString("Name"));
        Assert.Equal(3, read.GetInt32("Count"));
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task AddEntity_RowExists_Throws409EntityAlreadyExists()
    {
        var table = await _service.CreateTableAsync("dup");
        await table.AddEntityAsync(Entity("p", "r", ("Name", "first")));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.AddEntityAsync(Entity("p", "r", ("Name", "second"))));

        Assert.Equal(409, error.Status);
        Assert.Equal(StorageErrorCodes.EntityAlreadyExists, error.ErrorCode);
        Assert.Equal("first", (await table.GetEntityAsync("p", "r")).GetString("Name"));
    }

    [Fact]
    public async Task UpdateEntity_CurrentETag_ReturnsANewETagThatReadsBack()
    {
        var table = await _service.CreateTableAsync("upd");
        var first = await table.AddEntityAsync(Entity("p", "r", ("Name", "first")));

        var second = await table.UpdateEntityAsync(Entity("p", "r", ("Name", "second")), first);
        var read = await table.GetEntityAsync("p", "r");

        Assert.NotEqual(first, second);
        Assert.Equal(second, read.ETag);
        Assert.Equal("second", read.GetString("Name"));
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge)]
    [InlineData(TableUpdateMode.Replace)]
    public async Task UpdateEntity_StaleETag_Throws412AndKeepsTheStoredRow(TableUpdateMode mode)
    {
        var table = await _service.CreateTableAsync("stale");
        var stale = await table.AddEntityAsync(Entity("p", "r", ("Name", "first")));
        await table.UpdateEntityAsync(Entity("p", "r", ("Name", "second")), stale);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.UpdateEntityAsync(Entity("p", "r", ("Name", "third")), stale, mode));

        Assert.Equal(412, error.Status);
        Assert.Equal(StorageErrorCodes.UpdateConditionNotSatisfied, error.ErrorCode);
        Assert.Equal("second", (await table.GetEntityAsync("p", "r")).GetString("Name"));
    }

    [Fact]
    public async Task UpdateEntity_MissingRow_Throws404()
    {
        var table = await _service.CreateTableAsync("updmiss");

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.UpdateEntityAsync(Entity("p", "r", ("Name", "x")), ETag.All));

        Assert.Equal(404, error.Status);
        Assert.Equal(StorageErrorCodes.ResourceNotFound, error.ErrorCode);
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge, "kept")]
    [InlineData(TableUpdateMode.Replace, null)]
    public async Task UpdateEntity_OmittedProperty_MergeKeepsItReplaceDropsIt(TableUpdateMode mode, string? expectedOther)
    {
        var table = await _service.CreateTableAsync("mode");
        var etag = await table.AddEntityAsync(Entity("p", "r", ("Name", "first"), ("Other", "kept")));

        await table.UpdateEntityAsync(Entity("p", "r", ("Name", "second")), etag, mode);
        var read = await table.GetEntityAsync("p", "r");

        Assert.Equal("second", read.GetString("Name"));
        Assert.Equal(expectedOther, read.GetString("Other"));
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge, "kept")]
    [InlineData(TableUpdateMode.Replace, null)]
    public async Task UpsertEntity_ExistingRow_MergeKeepsOmittedPropertyReplaceDropsIt(TableUpdateMode mode, string? expectedOther)
    {
        var table = await _service.CreateTableAsync("upsert");
        await table.AddEntityAsync(Entity("p", "r", ("Name", "first"), ("Other", "kept")));

        var etag = await table.UpsertEntityAsync(Entity("p", "r", ("Name", "second")), mode);
        var read = await table.GetEntityAsync("p", "r");

        Assert.Equal(etag, read.ETag);
        Assert.Equal("second", read.GetString("Name"));
        Assert.Equal(expectedOther, read.GetString("Other"));
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge)]
    [InlineData(TableUpdateMode.Replace)]
    public async Task UpsertEntity_MissingRow_Inserts(TableUpdateMode mode)
    {
        var table = await _service.CreateTableAsync("upsertnew");

        var etag = await table.UpsertEntityAsync(Entity("p", "r", ("Name", "new")), mode);

        var read = await table.GetEntityAsync("p", "r");
        Assert.Equal(etag, read.ETag);
        Assert.Equal("new", read.GetString("Name"));
    }

    [Fact]
    public async Task DeleteEntity_StaleETag_Throws412AndKeepsTheRow()
    {
        var table = await _service.CreateTableAsync("delstale");
        var stale = await table.AddEntityAsync(Entity("p", "r", ("Name", "first")));
        await table.UpsertEntityAsync(Entity("p", "r", ("Name", "second")));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale));

        Assert.Equal(412, error.Status);
        Assert.Equal(StorageErrorCodes.UpdateConditionNotSatisfied, error.ErrorCode);
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r"));
    }

    [Fact]
    public async Task DeleteEntity_CurrentETag_RemovesTheRow()
    {
        var table = await _service.CreateTableAsync("delok");
        var etag = await table.AddEntityAsync(Entity("p", "r"));

        await table.DeleteEntityAsync("p", "r", etag);

        Assert.Null(await table.GetEntityIfExistsAsync("p", "r"));
    }

    [Fact]
    public async Task DeleteEntity_NoETag_DeletesWhateverTheVersion()
    {
        var table = await _service.CreateTableAsync("delany");
        await table.AddEntityAsync(Entity("p", "r"));
        await table.UpsertEntityAsync(Entity("p", "r", ("Name", "changed")));

        await table.DeleteEntityAsync("p", "r");

        Assert.Null(await table.GetEntityIfExistsAsync("p", "r"));
    }

    [Fact]
    public async Task DeleteEntity_MissingRow_Throws404()
    {
        var table = await _service.CreateTableAsync("delmiss");

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.DeleteEntityAsync("p", "missing"));

        Assert.Equal(404, error.Status);
        Assert.Equal(StorageErrorCodes.ResourceNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task GetEntity_MissingRow_Throws404ResourceNotFound()
    {
        var table = await _service.CreateTableAsync("getmiss");

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetEntityAsync("p", "missing"));

        Assert.Equal(404, error.Status);
        Assert.Equal(StorageErrorCodes.ResourceNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task GetEntityIfExists_MissingRow_ReturnsNull()
    {
        var table = await _service.CreateTableAsync("getnull");
        await table.AddEntityAsync(Entity("p", "other"));

        Assert.Null(await table.GetEntityIfExistsAsync("p", "missing"));
    }

    [Fact]
    public async Task GetEntityIfExists_MissingTable_Throws404TableNotFound()
    {
        var table = _service.GetTableClient(UniqueName.Table("notable"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r"));

        Assert.Equal(404, error.Status);
        Assert.Equal(StorageErrorCodes.TableNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task GetEntity_Select_ReturnsTheKeysAndOnlyTheSelectedProperties()
    {
        var table = await _service.CreateTableAsync("getsel");
        await table.AddEntityAsync(Entity("p", "r", ("A", "a"), ("B", 2L), ("C", true)));

        var read = await table.GetEntityAsync("p", "r", ["B"]);

        Assert.Equal(("p", "r"), (read.PartitionKey, read.RowKey));
        Assert.Equal(["B"], read.Keys);
        Assert.Equal(2L, read.GetInt64("B"));
        Assert.NotNull(read.ETag);
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("''")]
    [InlineData("a b+c&d=e;f,g$h@i:j")]
    [InlineData("100%25 (x) [y] {z} ~!*")]
    [InlineData("ünïcødé €😀 中文")]
    [InlineData("..")]
    [InlineData("")]
    public async Task Keys_UnusualCharacters_RoundTripThroughEveryOperation(string key)
    {
        var table = await _service.CreateTableAsync("keys");

        var etag = await table.AddEntityAsync(Entity(key, key, ("Name", "first")));
        await table.UpdateEntityAsync(Entity(key, key, ("Name", "second")), etag);
        var read = await table.GetEntityAsync(key, key);
        var queried = Assert.Single(await table.QueryAsync(TableFilter.Create($"PartitionKey eq {key} and RowKey eq {key}")).ToListAsync());
        await table.DeleteEntityAsync(key, key, read.ETag);

        Assert.Equal((key, key, "second"), (read.PartitionKey, read.RowKey, read.GetString("Name")));
        Assert.Equal((key, key), (queried.PartitionKey, queried.RowKey));
        Assert.Null(await table.GetEntityIfExistsAsync(key, key));
    }
}
