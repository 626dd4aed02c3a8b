namespace Checkout.Workflows.Secrets;

/// <summary>
/// The keys that encrypt secrets at rest (webhook signing secrets, payout account numbers), section <c>Secrets</c>:
/// <c>EncryptionKeys</c> is one string, <c>keyId=base64;keyId=base64</c> (one setting, so a Key Vault secret holds the
/// whole ring and an environment variable replaces it whole), and <c>ActiveKeyId</c> names the key new values are
/// encrypted with; the others still decrypt what they encrypted. Never defaulted: <c>appsettings.Development.json</c>
/// holds the published <see cref="DevelopmentKey"/>, which only Development accepts; anywhere else a missing,
/// malformed or development key stops start-up with a message naming the setting.
/// </summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";
    public const string EncryptionKeysSetting = "Secrets:EncryptionKeys";
    public const string ActiveKeyIdSetting = "Secrets:ActiveKeyId";

    /// <summary>The development key's id in <c>appsettings.Development.json</c>.</summary>
    public const string DevelopmentKeyId = "dev-only";

    /// <summary>Base64 of the 32 ASCII bytes <c>DEVELOPMENT-ONLY-KEY-NOT-SECRET!</c>: published in the repository, so it
    /// protects nothing and is refused outside Development.</summary>
    public const string DevelopmentKey = "REVWRUxPUE1FTlQtT05MWS1LRVktTk9ULVNFQ1JFVCE=";

    public string? EncryptionKeys { get; set; }

    public string? ActiveKeyId { get; set; }

    /// <summary>Null when the keys are usable here; else what is wrong, naming the setting.</summary>
    public string? Problem(bool development)
    {
        var (ring, problem) = SecretKeyRing.Parse(EncryptionKeys, ActiveKeyId);
        if (ring is null)
        {
            return problem;
        }

        return !development && ring.Holds(Convert.FromBase64String(DevelopmentKey))
            ? $"{EncryptionKeysSetting} holds the published development key, which is refused outside Development: generate a key (e.g. openssl rand -base64 32) and keep it in Key Vault."
            : null;
    }
}
