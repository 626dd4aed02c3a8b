using Azure.Data.Tables;
using Checkout.Testing;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Tests.Storage;

public sealed class TableClientExtensionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task QueryPages_ResumedFromEachToken_ReadsEveryRowOnceAndEndsWithNull()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(UniqueName.Table("pages"));
        await table.CreateIfNotExistsAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 5).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            await using var page = table.QueryPagesAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}"), 2, token).GetAsyncEnumerator();
            Assert.True(await page.MoveNextAsync());
            seen.AddRange(page.Current.Entities.Select(e => e.RowKey));
            token = page.Current.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ReadListPage_FilteredLimitTwo_VisitsEveryMatchOnceInShortPagesAndEnds()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(UniqueName.Table("listpages"));
        await table.CreateIfNotExistsAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 7).Select(i => new TableTransactionAction(
            TableTransactionActionType.Add, new TableEntity("p", $"r{i}") { ["Kept"] = i is 0 or 3 or 4 or 6 })));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await table.ReadListPageAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and Kept eq {true}"), 2, token, null, CancellationToken.None);
            Assert.True(page.Entities.Count <= 2, $"a page of {page.Entities.Count} for a limit of 2");
            seen.AddRange(page.Entities.Select(e => e.RowKey));
            token = page.ContinuationToken;
        }
        while (token is not null && ++pages < 20);

        Assert.Null(token);
        Assert.Equal(["r0", "r3", "r4", "r6"], seen);
    }

    [Theory]
    [InlineData("not a token at all")]
    [InlineData("%%%")]
    [InlineData("cQ== !!")]
    public void QueryPages_ForeignToken_ThrowsArgumentExceptionBeforeAnyRequest(string token)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(UniqueName.Table("pages"));

        Assert.Throws<ArgumentException>(() => table.QueryPagesAsync("PartitionKey eq 'p'", 2, token));
    }

    [Fact]
    public async Task GetEntityOrNull_MissingRow_IsNull()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(UniqueName.Table("rows"));
        await table.CreateIfNotExistsAsync();

        Assert.Null(await table.GetEntityOrNullAsync("p", "missing", CancellationToken.None));
    }
}
