using Checkout.Storage.Tables;
using Checkout.Testing;
using static Checkout.Storage.Tests.Tables.TableTestData;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableServiceClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("ab-cd")]
    [InlineData("ab_cd")]
    [InlineData("tables")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234")]
    [InlineData("tablé")]
    public void GetTableClient_InvalidName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => _service.GetTableClient(name));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("Orders2024")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij123")]
    public void GetTableClient_ValidName_KeepsIt(string name)
    {
        Assert.Equal(name, _service.GetTableClient(name).Name);
    }

    [Fact]
    public async Task CreateIfNotExists_Twice_SucceedsAndKeepsTheRows()
    {
        var table = await _service.CreateTableAsync("twice");
        await table.AddEntityAsync(Entity("p", "r"));

        await table.CreateIfNotExistsAsync();

        Assert.Single(await table.QueryAsync().ToListAsync());
    }

    [Fact]
    public async Task DeleteIfExists_ExistingThenMissing_RemovesTheTableAndThenDoesNothing()
    {
        var table = await _service.CreateTableAsync("delete");

        await table.DeleteIfExistsAsync();
        await table.DeleteIfExistsAsync();

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.AddEntityAsync(Entity("p", "r")));
        Assert.Equal((404, StorageErrorCodes.TableNotFound), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Counters_EachOperation_CountsUnderItsTableKind()
    {
        using var service = new TableServiceClient(azurite.ConnectionString);
        var table = service.GetTableClient(UniqueName.Table("counted"));

        await table.CreateIfNotExistsAsync();
        var etag = await table.AddEntityAsync(Entity("p", "r"));
        await table.UpsertEntityAsync(Entity("p", "r"));
        etag = await table.UpdateEntityAsync(Entity("p", "r"), ETag.All);
        await table.GetEntityAsync("p", "r");
        await table.QueryAsync().ToListAsync();
        await table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertMerge, Entity("p", "s"))]);
        await table.DeleteEntityAsync("p", "r", etag);
        await table.DeleteIfExistsAsync();

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["Table.AddEntity"] = 1, ["Table.Batch"] = 1, ["Table.CreateTable"] = 1, ["Table.DeleteEntity"] = 1,
                ["Table.DeleteTable"] = 1, ["Table.GetEntity"] = 1, ["Table.Query"] = 1, ["Table.UpdateEntity"] = 1,
                ["Table.UpsertEntity"] = 1,
            },
            service.Counters.Snapshot());
    }

    [Fact]
    public async Task AddEntity_InvalidEntity_ThrowsArgumentExceptionWithoutSending()
    {
        using var service = new TableServiceClient(azurite.ConnectionString);
        var table = service.GetTableClient(UniqueName.Table("unsent"));

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(Entity("p", "bad#key")));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(Entity("p", "r", ("S", new string('s', 40_000)))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync("p", "a?b"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => table.DeleteEntityAsync("p", null!));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(Entity("p", "r"), default));

        Assert.Equal(0, service.Counters.Total);
    }
}
