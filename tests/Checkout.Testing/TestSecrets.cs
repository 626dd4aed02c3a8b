using Checkout.Workflows.Secrets;

namespace Checkout.Testing;

/// <summary>The at-rest encryption key (and the buyer key's hash key) of in-process test hosts, which run outside Development (where the published
/// development key is refused): a fixed test-only key, so one test's rows decrypt in another host on the same storage.</summary>
public static class TestSecrets
{
    public const string KeyId = "test";

    /// <summary>Base64 of the 32 ASCII bytes <c>TEST-ONLY-KEY-checkout-tests-32b</c>.</summary>
    public const string Key = "VEVTVC1PTkxZLUtFWS1jaGVja291dC10ZXN0cy0zMmI=";

    /// <summary>Base64 of the 32 ASCII bytes <c>TEST-ONLY-HASH-KEY-checkout-test</c>: keys buyers' CBEC annual totals.</summary>
    public const string IdentityHashKey = "VEVTVC1PTkxZLUhBU0gtS0VZLWNoZWNrb3V0LXRlc3Q=";

    /// <summary>The settings, keyed as configuration reads them (<c>Secrets:...</c>, <c>Buyers:...</c>).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [SecretsOptions.EncryptionKeysSetting] = $"{KeyId}={Key}",
        [SecretsOptions.ActiveKeyIdSetting] = KeyId,
        [Checkout.Workflows.Buyers.BuyerKeyOptions.IdentityHashKeySetting] = IdentityHashKey,
    };

    public static SecretProtector Protector() => new(SecretKeyRing.From(new SecretsOptions { EncryptionKeys = $"{KeyId}={Key}", ActiveKeyId = KeyId }));
}
