using Checkout.Storage;

namespace Checkout.Storage.Tests;

public sealed class StorageConnectionStringTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string OtherKey = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJjZGVmZ2hpamtsbW5vcA==";

    [Fact]
    public void Parse_DevelopmentStorage_UsesAzuriteDefaults()
    {
        var account = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.True(account.IsDevelopmentStorage);
        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
        Assert.Equal(Convert.FromBase64String(Key), account.AccountKeyBytes);
    }

    [Fact]
    public void Parse_DevelopmentStorageWithTrailingSemicolonAndCase_IsAccepted()
    {
        var account = StorageConnectionString.Parse("usedevelopmentstorage=TRUE;");

        Assert.True(account.IsDevelopmentStorage);
    }

    [Fact]
    public void Parse_AccountAndSuffix_BuildsHostStyleEndpoints()
    {
        var account = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=shopprod;AccountKey={OtherKey};EndpointSuffix=core.chinacloudapi.cn");

        Assert.False(account.IsDevelopmentStorage);
        Assert.Equal("shopprod", account.AccountName);
        Assert.Equal(new Uri("https://shopprod.queue.core.chinacloudapi.cn"), account.QueueEndpoint);
        Assert.Equal(new Uri("https://shopprod.table.core.chinacloudapi.cn"), account.TableEndpoint);
        Assert.Equal(Convert.FromBase64String(OtherKey), account.AccountKeyBytes);
    }

    [Fact]
    public void Parse_NoProtocolNoSuffix_DefaultsToHttpsAndPublicCloud()
    {
        var account = StorageConnectionString.Parse($"AccountName=shop;AccountKey={OtherKey}");

        Assert.Equal(new Uri("https://shop.queue.core.windows.net"), account.QueueEndpoint);
        Assert.Equal(new Uri("https://shop.table.core.windows.net"), account.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitPathStyleEndpoints_KeepsAccountInPathAndDropsTrailingSlash()
    {
        var account = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:5001/devstoreaccount1/;" +
            "TableEndpoint=http://127.0.0.1:5002/devstoreaccount1;");

        Assert.False(account.IsDevelopmentStorage);
        Assert.Equal("http://127.0.0.1:5001/devstoreaccount1", account.QueueEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5002/devstoreaccount1", account.TableEndpoint.AbsoluteUri);
    }

    [Fact]
    public void Parse_OnlyQueueEndpointGiven_DerivesTableEndpointFromProtocolAndSuffix()
    {
        var account = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=acct;AccountKey={OtherKey};QueueEndpoint=http://localhost:7777/acct");

        Assert.Equal(new Uri("http://localhost:7777/acct"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://acct.table.core.windows.net"), account.TableEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(";;", "empty")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("UseDevelopmentStorage=true;AccountName=x", "cannot be combined")]
    [InlineData("AccountKey=" + OtherKey, "no AccountName")]
    [InlineData("AccountName=acct", "no AccountKey")]
    [InlineData("AccountName=acct;AccountKey=not*base64!", "not valid base64")]
    [InlineData("AccountName=;AccountKey=" + OtherKey, "'AccountName' is empty")]
    [InlineData("AccountName=a;AccountName=b;AccountKey=" + OtherKey, "more than once")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=acct;AccountKey=" + OtherKey, "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acct;AccountKey=" + OtherKey + ";QueueEndpoint=/relative/path", "QueueEndpoint must be an absolute http or https URI")]
    [InlineData("AccountName=acct;AccountKey=" + OtherKey + ";TableEndpoint=ftp://host/acct", "TableEndpoint must be an absolute http or https URI")]
    [InlineData("AccountName=acct;AccountKey=" + OtherKey + ";QueueEndpoint=http://host/acct?sv=1", "query")]
    [InlineData("AccountName=acct;AccountKey=" + OtherKey + ";SharedAccessSignature=sv=2020", "unsupported setting 'SharedAccessSignature'")]
    [InlineData("AccountName=acct;garbage", "not a 'Name=Value' setting")]
    [InlineData("AccountName=bad host;AccountKey=" + OtherKey, "valid queue host name")]
    public void Parse_Malformed_ThrowsFormatExceptionSayingWhatIsWrong(string connectionString, string expectedFragment)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherKey[..20], ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccountName=acct;AccountKey=" + OtherKey + ";" + OtherKey)]
    [InlineData("AccountName=acct;" + OtherKey + ";DefaultEndpointsProtocol=http")]
    [InlineData("AccountName=acct;AccountKey=" + OtherKey + ";AccountKey=" + OtherKey)]
    [InlineData("AccountName=acct;AccountKey=" + OtherKey + ";DefaultEndpointsProtocol=" + OtherKey)]
    public void Parse_MalformedAroundTheKey_NeverEchoesKeyMaterial(string connectionString)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.DoesNotContain(OtherKey[..12], ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverContainsTheKey()
    {
        var account = StorageConnectionString.Parse($"AccountName=acct;AccountKey={OtherKey}");

        var text = account.ToString();

        Assert.Contains("acct", text, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherKey[..12], text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountKeyBytes_ReturnsACopy()
    {
        var account = StorageConnectionString.Parse($"AccountName=acct;AccountKey={OtherKey}");

        account.AccountKeyBytes[0] ^= 0xFF;

        Assert.Equal(Convert.FromBase64String(OtherKey), account.AccountKeyBytes);
    }

    [Fact]
    public void TryParse_Malformed_ReturnsFalse()
    {
        Assert.False(StorageConnectionString.TryParse("AccountName=acct", out var parsed));
        Assert.Null(parsed);
        Assert.True(StorageConnectionString.TryParse("UseDevelopmentStorage=true", out parsed));
        Assert.NotNull(parsed);
    }
}
