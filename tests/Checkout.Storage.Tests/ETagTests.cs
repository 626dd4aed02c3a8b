using Checkout.Storage;

namespace Checkout.Storage.Tests;

public sealed class ETagTests
{
    [Fact]
    public void All_IsStar_AndToStringIsTheValue()
    {
        Assert.Equal("*", ETag.All.ToString());
        Assert.Equal("W/\"datetime'2024'\"", new ETag("W/\"datetime'2024'\"").ToString());
        Assert.Equal(new ETag("x"), new ETag("x"));
        Assert.Equal(string.Empty, default(ETag).ToString());
    }
}
