using Checkout.Workflows.Storage;
using Microsoft.Extensions.Configuration;

namespace Checkout.Workflows.Tests.Storage;

public sealed class StorageAccountSettingsTests
{
    private const string Secret = "c2VjcmV0LWtleS1kby1ub3QtcHJpbnQ=";

    [Fact]
    public void Read_Unset_ThrowsNamingBothForms()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageAccountSettings.Read(Configuration()));

        Assert.Contains("The AzureWebJobsStorage setting is not valid: it is not set", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DevelopmentStorage_IsAzurite()
    {
        var settings = StorageAccountSettings.Read(Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
        Assert.False(settings.UsesIdentity);
    }

    [Fact]
    public void Read_ConnectionString_IsUsedAsIs()
    {
        var connection = $"DefaultEndpointsProtocol=https;AccountName=shop;AccountKey={Secret};EndpointSuffix=core.windows.net";

        var settings = StorageAccountSettings.Read(Configuration(("AzureWebJobsStorage", connection)));

        Assert.Equal(connection, settings.ConnectionString);
    }

    [Theory]
    [InlineData($"DefaultEndpointsProtocol=https;AccountKey={Secret}")]
    [InlineData($"AccountName=shop;AccountKey=not-base64!{Secret}")]
    [InlineData(Secret)]
    [InlineData($"AccountName=shop;{Secret}")]
    public void Read_MalformedConnectionString_ThrowsNamingTheSettingWithoutTheKey(string connection)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageAccountSettings.Read(Configuration(("AzureWebJobsStorage", connection))));

        Assert.Contains("AzureWebJobsStorage", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AccountName", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void Read_AccountName_IsIdentityBasedOnTheAccountsEndpoints()
    {
        var settings = StorageAccountSettings.Read(Configuration(("AzureWebJobsStorage:accountName", "shopstore"), ("AzureWebJobsStorage:clientId", "1b2c")));

        Assert.True(settings.UsesIdentity);
        Assert.Null(settings.ConnectionString);
        Assert.Equal(new Uri("https://shopstore.queue.core.windows.net"), settings.QueueServiceUri);
        Assert.Equal(new Uri("https://shopstore.table.core.windows.net"), settings.TableServiceUri);
        Assert.Equal("1b2c", settings.ManagedIdentityClientId);
    }

    [Fact]
    public void Read_ServiceUris_OverrideTheAccountName()
    {
        var settings = StorageAccountSettings.Read(Configuration(
            ("AzureWebJobsStorage:queueServiceUri", "https://q.example.net/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://t.example.net/")));

        Assert.Equal(new Uri("https://q.example.net/"), settings.QueueServiceUri);
        Assert.Equal(new Uri("https://t.example.net/"), settings.TableServiceUri);
    }

    [Fact]
    public void Read_OnlyOneServiceUri_ThrowsNamingWhatIsMissing()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageAccountSettings.Read(Configuration(("AzureWebJobsStorage:queueServiceUri", "https://q.example.net/"))));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RelativeServiceUri_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageAccountSettings.Read(Configuration(
            ("AzureWebJobsStorage:queueServiceUri", "q.example.net"), ("AzureWebJobsStorage:tableServiceUri", "https://t.example.net/"))));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", ex.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
}
