using Checkout.Workflows.Secrets;

namespace Checkout.Testing;

/// <summary>The at-rest encryption key of in-process test hosts, which run outside Development (where the published
/// development key is refused): a fixed test-only key, so one test's rows decrypt in another host on the same storage.</summary>
public static class TestSecrets
{
    public const string KeyId = "test";

    /// <summary>Base64 of the 32 ASCII bytes <c>TEST-ONLY-KEY-checkout-tests-32b</c>.</summary>
    public const string Key = "VEVTVC1PTkxZLUtFWS1jaGVja291dC10ZXN0cy0zMmI=";

    /// <summary>The two settings, keyed as configuration reads them (<c>Secrets:...</c>).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [SecretsOptions.EncryptionKeysSetting] = $"{KeyId}={Key}",
        [SecretsOptions.ActiveKeyIdSetting] = KeyId,
    };

    public static SecretProtector Protector() => new(SecretKeyRing.From(new SecretsOptions { EncryptionKeys = $"{KeyId}={Key}", ActiveKeyId = KeyId }));
}
