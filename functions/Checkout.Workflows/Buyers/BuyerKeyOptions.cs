using System.Text;

namespace Checkout.Workflows.Buyers;

/// <summary>
/// The key that turns a buyer's identity card number into the pseudonymous <see cref="BuyerKeys">buyer key</see> their
/// CBEC annual total is kept under, section <c>Buyers</c>. Unlike the encryption keys it is never rotated: a new key
/// would start every buyer's annual total again at zero. Never defaulted: <c>appsettings.Development.json</c> holds the
/// published <see cref="DevelopmentKey"/>, which only Development accepts.
/// </summary>
public sealed class BuyerKeyOptions
{
    public const string SectionName = "Buyers";
    public const string IdentityHashKeySetting = "Buyers:IdentityHashKey";
    public const int KeyBytes = 32;

    /// <summary>Base64 of the 32 ASCII bytes <c>DEVELOPMENT-ONLY-HASH-KEY-PUBLIC</c>: published, so refused outside Development.</summary>
    public static readonly string DevelopmentKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("DEVELOPMENT-ONLY-HASH-KEY-PUBLIC"));

    public string? IdentityHashKey { get; set; }

    /// <summary>Null when the key is usable here; else what is wrong, naming the setting.</summary>
    public string? Problem(bool development)
    {
        if (string.IsNullOrWhiteSpace(IdentityHashKey))
        {
            return $"{IdentityHashKeySetting} is not set: give the key that keys buyers' CBEC annual totals, as base64 of {KeyBytes} random bytes (e.g. openssl rand -base64 32), never rotated. In Azure, a Key Vault reference.";
        }

        if (IdentityHashKey.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            return $"{IdentityHashKeySetting} is a Key Vault reference the platform did not resolve: check the secret URI and give the app's identity Key Vault Secrets User on the vault.";
        }

        if (Key() is null)
        {
            return $"{IdentityHashKeySetting} is not base64 of exactly {KeyBytes} bytes.";
        }

        return !development && IdentityHashKey.Trim() == DevelopmentKey
            ? $"{IdentityHashKeySetting} is the published development key, which is refused outside Development: generate a key (e.g. openssl rand -base64 32) and keep it in Key Vault."
            : null;
    }

    internal byte[]? Key()
    {
        var bytes = new byte[KeyBytes];
        return Convert.TryFromBase64String(IdentityHashKey?.Trim() ?? string.Empty, bytes, out var written) && written == KeyBytes ? bytes : null;
    }
}
