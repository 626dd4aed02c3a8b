using Checkout.Storage.Tables;
using Checkout.Testing;
using static Checkout.Storage.Tests.Tables.TableTestData;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableTransactionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Submit_EveryActionType_AppliesAllAndReturnsTheNewETags()
    {
        var table = await _service.CreateTableAsync("mixed");
        var merged = await table.AddEntityAsync(Entity("p", "merge", ("Name", "old"), ("Kept", "yes")));
        var replaced = await table.AddEntityAsync(Entity("p", "replace", ("Name", "old"), ("Dropped", "yes")));
        var deleted = await table.AddEntityAsync(Entity("p", "delete"));
        await table.AddEntityAsync(Entity("p", "upsert", ("Name", "old"), ("Kept", "yes")));

        var results = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Entity("p", "add", ("Name", "new"))),
            new(TableTransactionActionType.UpdateMerge, Entity("p", "merge", ("Name", "new")), merged),
            new(TableTransactionActionType.UpdateReplace, Entity("p", "replace", ("Name", "new")), replaced),
            new(TableTransactionActionType.Delete, Entity("p", "delete"), deleted),
            new(TableTransactionActionType.UpsertMerge, Entity("p", "upsert", ("Name", "new"))),
            new(TableTransactionActionType.UpsertReplace, Entity("p", "fresh", ("Name", "new"))),
        ]);

        var rows = (await table.QueryAsync().ToListAsync()).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "fresh", "merge", "replace", "upsert"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, row => Assert.Equal("new", row.GetString("Name")));
        Assert.Equal("yes", rows["merge"].GetString("Kept"));
        Assert.Null(rows["replace"].GetString("Dropped"));
        Assert.Equal("yes", rows["upsert"].GetString("Kept"));
        Assert.Equal(6, results.Count);
        Assert.All(results, result => Assert.InRange(result.Status, 200, 299));
        Assert.Null(results[3].ETag);
        Assert.Equal(
            [rows["add"].ETag, rows["merge"].ETag, rows["replace"].ETag, rows["upsert"].ETag, rows["fresh"].ETag],
            results.Where((_, i) => i != 3).Select(r => r.ETag));
    }

    [Fact]
    public async Task Submit_AddOfAnExistingRow_RollsBackEverythingAndNamesTheFailingAction()
    {
        var table = await _service.CreateTableAsync("rollback");
        await table.AddEntityAsync(Entity("p", "existing", ("Name", "original")));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Entity("p", "new1")),
            new(TableTransactionActionType.UpsertReplace, Entity("p", "new2")),
            new(TableTransactionActionType.Add, Entity("p", "existing", ("Name", "overwritten"))),
            new(TableTransactionActionType.Add, Entity("p", "new3")),
        ]));

        Assert.Equal((409, StorageErrorCodes.EntityAlreadyExists, 2), (error.Status, error.ErrorCode, error.FailedActionIndex));
        var only = Assert.Single(await table.QueryAsync().ToListAsync());
        Assert.Equal(("existing", "original"), (only.RowKey, only.GetString("Name")));
    }

    [Fact]
    public async Task Submit_StaleIfMatch_RollsBackAndReports412ForThatAction()
    {
        var table = await _service.CreateTableAsync("stalebatch");
        var stale = await table.AddEntityAsync(Entity("p", "guarded", ("Name", "v1")));
        await table.UpsertEntityAsync(Entity("p", "guarded", ("Name", "v2")));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Entity("p", "history1")),
            new(TableTransactionActionType.UpdateReplace, Entity("p", "guarded", ("Name", "v3")), stale),
        ]));

        Assert.Equal((412, StorageErrorCodes.UpdateConditionNotSatisfied, 1), (error.Status, error.ErrorCode, error.FailedActionIndex));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "history1"));
        Assert.Equal("v2", (await table.GetEntityAsync("p", "guarded")).GetString("Name"));
    }

    [Fact]
    public async Task Submit_DeleteOfAMissingRow_FailsWith404AtItsIndex()
    {
        var table = await _service.CreateTableAsync("delbatch");

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertMerge, Entity("p", "a")),
            new(TableTransactionActionType.UpsertMerge, Entity("p", "b")),
            new(TableTransactionActionType.Delete, Entity("p", "missing")),
        ]));

        Assert.Equal((404, 2), (error.Status, error.FailedActionIndex));
        Assert.Empty(await table.QueryAsync().ToListAsync());
    }

    [Fact]
    public async Task Submit_OneHundredActionsWithUnusualKeys_AllCommit()
    {
        var table = await _service.CreateTableAsync("hundred");
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity("it's ü", $"r'{i} ✓", ("I", i))))
            .ToList();

        var results = await table.SubmitTransactionAsync(actions);

        Assert.Equal(100, results.Count);
        Assert.Equal(100, (await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"it's ü"}")).ToListAsync()).Count);
    }

    public static TheoryData<string, TableTransactionAction[]> InvalidTransactions() => new()
    {
        { "empty", [] },
        { "over 100", Enumerable.Range(0, 101).Select(i => Add("p", $"r{i}")).ToArray() },
        { "two partitions", [Add("p1", "r"), Add("p2", "r")] },
        { "same row twice", [Add("p", "r"), new(TableTransactionActionType.UpsertMerge, Entity("p", "r"))] },
        { "If-Match on Add", [new(TableTransactionActionType.Add, Entity("p", "r"), ETag.All)] },
        { "If-Match on upsert", [new(TableTransactionActionType.UpsertReplace, Entity("p", "r"), ETag.All)] },
        { "bad key", [Add("p", "a/b")] },
        { "over 4 MiB", Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity("p", $"r{i}", ("S", new string('s', 32 * 1024)), ("T", new string('t', 32 * 1024))))).ToArray() },
    };

    [Theory]
    [MemberData(nameof(InvalidTransactions))]
    public async Task Submit_InvalidTransaction_ThrowsArgumentExceptionWithoutSending(string because, TableTransactionAction[] actions)
    {
        var table = _service.GetTableClient(UniqueName.Table("invalid"));
        var batchesBefore = _service.Counters.Get("Table.Batch");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));

        Assert.True(_service.Counters.Get("Table.Batch") == batchesBefore, $"{because}: nothing may be sent");
    }

    private static TableTransactionAction Add(string partitionKey, string rowKey) =>
        new(TableTransactionActionType.Add, Entity(partitionKey, rowKey));
}
