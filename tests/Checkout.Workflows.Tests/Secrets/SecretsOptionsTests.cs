using Checkout.Workflows.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Tests.Secrets;

public sealed class SecretsOptionsTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    [Theory]
    [InlineData(null, "k1", "Secrets:EncryptionKeys is not set")]
    [InlineData("", "k1", "Secrets:EncryptionKeys is not set")]
    [InlineData("k1", "k1", "Secrets:EncryptionKeys has an entry that is not keyId=base64")]
    [InlineData("k:1=AAAA", "k:1", "Secrets:EncryptionKeys has an entry that is not keyId=base64")]
    [InlineData("k1=AAAA", "k1", "Secrets:EncryptionKeys: key 'k1' is not base64 of exactly 32 bytes")]
    [InlineData("k1=not-base64-at-all", "k1", "Secrets:EncryptionKeys: key 'k1' is not base64 of exactly 32 bytes")]
    [InlineData("k1={0}", null, "Secrets:ActiveKeyId is not set")]
    [InlineData("k1={0}", "k2", "Secrets:ActiveKeyId is 'k2', which Secrets:EncryptionKeys does not hold")]
    [InlineData("k1={0};k1={0}", "k1", "Secrets:EncryptionKeys names key 'k1' twice")]
    public void Problem_MissingOrMalformed_NamesTheSettingButNeverTheKey(string? keys, string? active, string expected)
    {
        var options = new SecretsOptions { EncryptionKeys = keys is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, keys, Key), ActiveKeyId = active };

        var problem = options.Problem(development: false);

        Assert.NotNull(problem);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_DevelopmentKey_RefusedOutsideDevelopmentOnly()
    {
        var options = new SecretsOptions { EncryptionKeys = $"{SecretsOptions.DevelopmentKeyId}={SecretsOptions.DevelopmentKey}", ActiveKeyId = SecretsOptions.DevelopmentKeyId };

        Assert.Null(options.Problem(development: true));
        Assert.Contains("development key", options.Problem(development: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_TwoGoodKeysWithSpaces_IsNull()
    {
        var options = new SecretsOptions { EncryptionKeys = $" k1 = {Key} ; k2={Convert.ToBase64String(new byte[32])} ", ActiveKeyId = "k2" };

        Assert.Null(options.Problem(development: false));
    }

    [Fact]
    public void AddCheckoutSecrets_NoKeysWithoutHostEnvironment_ResolvingTheProtectorThrowsNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddCheckoutSecrets(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<SecretProtector>());

        Assert.Contains("Secrets:EncryptionKeys is not set", ex.Message, StringComparison.Ordinal);
    }
}
