using System.Security.Cryptography;
using Checkout.Workflows.Secrets;

namespace Checkout.Workflows.Tests.Secrets;

public sealed class SecretProtectorTests
{
    private const string Plain = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly string OldKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
    private static readonly StorageField Field = new("webhook-endpoints", "mer_a", "we_1", "Secret");

    [Fact]
    public void Protect_ThenUnprotect_RoundTripsAndStoresNoPlaintext()
    {
        var protector = Protector($"k1={OldKey}", "k1");

        var stored = protector.Protect(Plain, Field);

        Assert.StartsWith("enc:v1:k1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("MfKQ9r8G", stored, StringComparison.Ordinal);
        Assert.Equal(Plain, protector.Unprotect(stored, Field));
    }

    [Fact]
    public void Protect_SameValueTwice_UsesAFreshNonceEachTime()
    {
        var protector = Protector($"k1={OldKey}", "k1");

        Assert.NotEqual(protector.Protect(Plain, Field), protector.Protect(Plain, Field));
    }

    [Fact]
    public void Unprotect_AlteredCiphertext_ThrowsNamingTheField()
    {
        var protector = Protector($"k1={OldKey}", "k1");
        var stored = protector.Protect(Plain, Field);
        var bytes = Convert.FromBase64String(stored["enc:v1:k1:".Length..]);
        bytes[14] ^= 0x01;
        var altered = "enc:v1:k1:" + Convert.ToBase64String(bytes);

        var ex = Assert.Throws<CryptographicException>(() => protector.Unprotect(altered, Field));

        Assert.Contains(Field.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Plain, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webhook-endpoints", "mer_a", "we_2", "Secret")]
    [InlineData("webhook-endpoints", "mer_b", "we_1", "Secret")]
    [InlineData("webhook-endpoints", "mer_a", "we_1", "Url")]
    [InlineData("merchant-profiles", "mer_a", "we_1", "Secret")]
    public void Unprotect_CiphertextMovedToAnotherRowOrColumn_Throws(string table, string partition, string row, string property)
    {
        var protector = Protector($"k1={OldKey}", "k1");
        var stored = protector.Protect(Plain, Field);

        Assert.Throws<CryptographicException>(() => protector.Unprotect(stored, new StorageField(table, partition, row, property)));
    }

    [Fact]
    public void Unprotect_UnknownKeyId_ThrowsNamingTheKeyIdAndTheSetting()
    {
        var stored = Protector($"gone={OldKey}", "gone").Protect(Plain, Field);
        var protector = Protector($"k1={NewKey}", "k1");

        var ex = Assert.Throws<CryptographicException>(() => protector.Unprotect(stored, Field));

        Assert.Contains("'gone'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(SecretsOptions.EncryptionKeysSetting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_SameKeyIdButAnotherKey_Throws()
    {
        var stored = Protector($"k1={OldKey}", "k1").Protect(Plain, Field);

        Assert.Throws<CryptographicException>(() => Protector($"k1={NewKey}", "k1").Unprotect(stored, Field));
    }

    [Fact]
    public void Rotation_NewActiveKey_EncryptsWithItAndStillDecryptsTheOldKeysValues()
    {
        var before = Protector($"k1={OldKey}", "k1").Protect(Plain, Field);
        var rotated = Protector($"k1={OldKey};k2={NewKey}", "k2");

        var after = rotated.Protect(Plain, Field);

        Assert.StartsWith("enc:v1:k2:", after, StringComparison.Ordinal);
        Assert.Equal(Plain, rotated.Unprotect(before, Field));
        Assert.Equal(Plain, rotated.Unprotect(after, Field));
        Assert.Throws<CryptographicException>(() => Protector($"k1={OldKey}", "k1").Unprotect(after, Field));
    }

    [Fact]
    public void Unprotect_PlainLegacyValue_ReturnsItAsItIs()
    {
        var protector = Protector($"k1={OldKey}", "k1");

        Assert.Equal(Plain, protector.Unprotect(Plain, Field));
        Assert.True(new ProtectedValue(Plain, Field).IsLegacyPlain);
        Assert.False(protector.Seal(Plain, Field).IsLegacyPlain);
    }

    [Theory]
    [InlineData("enc:v2:k1:AAAA")]
    [InlineData("enc:v1:k1")]
    [InlineData("enc:v1:k1:not base64!")]
    [InlineData("enc:v1:k1:AAAA")]
    public void Unprotect_MalformedOrUnknownVersion_Throws(string stored)
    {
        Assert.Throws<CryptographicException>(() => Protector($"k1={OldKey}", "k1").Unprotect(stored, Field));
    }

    [Fact]
    public void ProtectedValue_ToString_NeverShowsTheStoredText()
    {
        Assert.DoesNotContain(Plain, new ProtectedValue(Plain, Field).ToString(), StringComparison.Ordinal);
    }

    private static SecretProtector Protector(string keys, string active) =>
        new(SecretKeyRing.From(new SecretsOptions { EncryptionKeys = keys, ActiveKeyId = active }));
}
