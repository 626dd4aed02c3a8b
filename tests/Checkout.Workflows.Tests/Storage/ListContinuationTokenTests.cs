using System.Text;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Tests.Storage;

public sealed class ListContinuationTokenTests
{
    [Fact]
    public void FromSdk_NoToken_IsNull()
    {
        Assert.Null(ListContinuationToken.FromSdk(null));
        Assert.Null(ListContinuationToken.FromSdk(string.Empty));
    }

    [Fact]
    public void FromSdk_ThenToSdk_RoundTripsBothKeys()
    {
        // Azure's keys look like "1!8!cA--"; Azurite's are base64. Either is opaque text without spaces.
        var token = ListContinuationToken.FromSdk("1!8!cA-- 1!8!cjA-");

        Assert.Equal("1!8!cA-- 1!8!cjA-", ListContinuationToken.ToSdk(token));
    }

    [Fact]
    public void FromSdk_PartitionKeyOnly_RoundTrips() =>
        Assert.Equal("cQ==", ListContinuationToken.ToSdk(ListContinuationToken.FromSdk("cQ==")));

    [Fact]
    public void ToSdk_TokenIssuedBeforeTheSdk_StillResumes()
    {
        // What the lists issued before the move to the .NET SDK (and what @azure/data-tables encodes).
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"nextPartitionKey":"pk","nextRowKey":"rk"}"""));

        Assert.Equal("pk rk", ListContinuationToken.ToSdk(token));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("e30=")]
    [InlineData("bnVsbA==")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJ4IjoxfQ==")]
    public void ToSdk_ForeignText_ThrowsArgumentException(string token) =>
        Assert.Throws<ArgumentException>(() => ListContinuationToken.ToSdk(token));
}
