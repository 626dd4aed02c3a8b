using Checkout.Storage.Tables;
using Checkout.Testing;
using static Checkout.Storage.Tests.Tables.TableTestData;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableClientQueryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Query_TypedFilters_MatchOnlyTheRowsTheyDescribe()
    {
        var table = await _service.CreateTableAsync("typed");
        var when = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(Entity("p", "a", ("Amount", 5_000_000_000L), ("At", when), ("Id", id), ("Ok", true), ("Rate", 1.5)));
        await table.AddEntityAsync(Entity("p", "b", ("Amount", 1L), ("At", when.AddDays(1)), ("Id", Guid.NewGuid()), ("Ok", false), ("Rate", 2.0)));

        Assert.Equal(["a"], await RowKeysAsync(table, TableFilter.Create($"Amount gt {4_000_000_000L}")));
        Assert.Equal(["b"], await RowKeysAsync(table, TableFilter.Create($"At gt {when}")));
        Assert.Equal(["a"], await RowKeysAsync(table, TableFilter.Create($"Id eq {id}")));
        Assert.Equal(["b"], await RowKeysAsync(table, TableFilter.Create($"Ok eq {false}")));
        Assert.Equal(["b"], await RowKeysAsync(table, TableFilter.Create($"Rate ge {2.0}")));
        Assert.Equal(["a", "b"], await RowKeysAsync(table, TableFilter.Create($"PartitionKey eq {"p"}")));
    }

    [Fact]
    public async Task Query_InjectionAttemptInAValue_DoesNotChangeTheQuerysMeaning()
    {
        var table = await _service.CreateTableAsync("inject");
        const string evil = "nobody' or 1 eq 1 or 'a' eq 'a";
        await table.AddEntityAsync(Entity("p", "alice", ("Owner", "alice")));
        await table.AddEntityAsync(Entity("p", "bob", ("Owner", "bob")));
        await table.AddEntityAsync(Entity("p", "evil", ("Owner", evil)));

        var naive = await RowKeysAsync(table, "Owner eq '" + evil + "'");
        var safe = await RowKeysAsync(table, TableFilter.Create($"Owner eq {evil}"));

        // The naive concatenation proves the value is an injection against this service; the builder neutralises it.
        Assert.Equal(["alice", "bob", "evil"], naive);
        Assert.Equal(["evil"], safe);
    }

    [Fact]
    public async Task Query_Select_ReturnsKeysETagAndOnlyTheSelectedProperties()
    {
        var table = await _service.CreateTableAsync("select");
        await table.AddEntityAsync(Entity("p", "r", ("A", "a"), ("B", 2), ("C", 3L)));

        var read = Assert.Single(await table.QueryAsync(select: ["C", "A"]).ToListAsync());

        Assert.Equal(("p", "r"), (read.PartitionKey, read.RowKey));
        Assert.Equal(["A", "C"], read.Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(read.ETag);
    }

    [Fact]
    public async Task QueryPages_MaxPerPage_SplitsTheResultIntoPagesOfThatSize()
    {
        var table = await _service.CreateTableAsync("top");
        await table.InsertRowsAsync("p", 20);

        var pages = await table.QueryPagesAsync(maxPerPage: 7).ToListAsync();

        Assert.Equal([7, 7, 6], pages.Select(page => page.Entities.Count));
        Assert.All(pages[..^1], page => Assert.NotNull(page.ContinuationToken));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(Enumerable.Range(0, 20).Select(RowKey), pages.SelectMany(page => page.Entities).Select(e => e.RowKey));
    }

    [Fact]
    public async Task Query_MoreThanOneThousandRows_FollowsContinuationToTheEnd()
    {
        var table = await _service.CreateTableAsync("many");
        await table.InsertRowsAsync("p1", 1_100);
        await table.InsertRowsAsync("p2", 50);
        var queriesBefore = _service.Counters.Get("Table.Query");

        var rows = await table.QueryAsync().ToListAsync();

        Assert.Equal(1_150, rows.Count);
        Assert.Equal(1_150, rows.Select(r => (r.PartitionKey, r.RowKey)).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 1_100).Select(RowKey), rows.Where(r => r.PartitionKey == "p1").Select(r => r.RowKey));
        Assert.True(_service.Counters.Get("Table.Query") - queriesBefore >= 2, "a result over 1,000 rows needs a second page");
    }

    [Fact]
    public async Task QueryPages_ResumedFromAPagesToken_ContinuesRightAfterThatPage()
    {
        var table = await _service.CreateTableAsync("resume");
        await table.InsertRowsAsync("p", 25);
        TablePage? first = null;
        await foreach (var page in table.QueryPagesAsync(maxPerPage: 10))
        {
            first = page;
            break;
        }

        var rest = await table.QueryAsync(maxPerPage: 10).ToListAsync();
        var resumed = await table.QueryPagesAsync(maxPerPage: 10, continuationToken: first!.ContinuationToken).ToListAsync();

        Assert.Equal(rest.Skip(10).Select(e => e.RowKey), resumed.SelectMany(p => p.Entities).Select(e => e.RowKey));
    }

    [Fact]
    public void QueryPages_MalformedToken_ThrowsArgumentExceptionBeforeSending()
    {
        var table = _service.GetTableClient(UniqueName.Table("badtoken"));

        Assert.Throws<ArgumentException>(() => table.QueryPagesAsync(continuationToken: "garbage"));
    }

    [Fact]
    public async Task Query_EmptyTable_YieldsNothing()
    {
        var table = await _service.CreateTableAsync("empty");

        Assert.Empty(await table.QueryAsync().ToListAsync());
    }

    [Fact]
    public async Task Query_MissingTable_Throws404TableNotFound()
    {
        var table = _service.GetTableClient(UniqueName.Table("noquery"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.QueryAsync().ToListAsync().AsTask());

        Assert.Equal(404, error.Status);
        Assert.Equal(StorageErrorCodes.TableNotFound, error.ErrorCode);
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table, string filter) =>
        (await table.QueryAsync(filter).ToListAsync()).Select(e => e.RowKey).ToList();
}
