using System.Text;
using Checkout.Storage.Tables;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableContinuationTokenTests
{
    [Fact]
    public void Encode_NoNextPartitionKey_MeansNoToken()
    {
        Assert.Null(TableContinuationToken.Encode(null, null));
        Assert.Null(TableContinuationToken.Encode(string.Empty, "r"));
    }

    [Fact]
    public void Encode_ThenDecode_RoundTripsBothKeys()
    {
        var token = TableContinuationToken.Encode("1!8!cA--", "1!8!cjA-")!;

        Assert.Equal(("1!8!cA--", "1!8!cjA-"), TableContinuationToken.Decode(token));
    }

    [Fact]
    public void Encode_MissingRowKey_DecodesToNullRowKey()
    {
        var token = TableContinuationToken.Encode("p", null)!;

        Assert.Equal(("p", (string?)null), TableContinuationToken.Decode(token));
    }

    [Fact]
    public void Decode_AzureSdkForJavaScriptToken_Works()
    {
        // What @azure/data-tables encodeContinuationToken produces: base64 of JSON.stringify({nextPartitionKey, nextRowKey}).
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"nextPartitionKey":"pk","nextRowKey":"rk"}"""));

        Assert.Equal(("pk", "rk"), TableContinuationToken.Decode(token));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("e30=")]
    [InlineData("bnVsbA==")]
    public void Decode_ForeignText_ThrowsArgumentException(string token)
    {
        Assert.Throws<ArgumentException>(() => TableContinuationToken.Decode(token));
    }
}
