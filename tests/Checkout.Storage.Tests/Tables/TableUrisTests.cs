using Checkout.Storage.Tables;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableUrisTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("it's", "it%27%27s")]
    [InlineData("a b&c=d+e", "a%20b%26c%3Dd%2Be")]
    [InlineData("é", "%C3%A9")]
    public void EscapeKey_DoublesQuotesThenPercentEncodes(string key, string expected)
    {
        Assert.Equal(expected, TableUris.EscapeKey(key));
    }

    [Fact]
    public void Entity_KeysWithQuotes_StayInsideTheQuotedPredicate()
    {
        var uri = TableUris.Entity(Endpoint, "orders", "a'b", "c d");

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1/orders(PartitionKey='a%27%27b',RowKey='c%20d')", uri.OriginalString);
    }

    [Fact]
    public void Query_AllOptions_EncodesValuesAndAlwaysSelectsTheKeys()
    {
        var query = TableQuery.Create("Name eq 'a&b'", ["Name"], 10);

        var uri = TableUris.Query(Endpoint, "orders", query, "1!8!cA--", null);

        Assert.Equal(
            "http://127.0.0.1:10002/devstoreaccount1/orders()?$filter=Name%20eq%20%27a%26b%27&$select=PartitionKey%2CRowKey%2CName&$top=10&NextPartitionKey=1%218%21cA--",
            uri.OriginalString);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void QueryCreate_PageSizeOutsideServiceRange_Throws(int maxPerPage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TableQuery.Create(null, null, maxPerPage));
    }
}
