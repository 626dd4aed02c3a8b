using System.Buffers.Text;
using System.Text.RegularExpressions;

namespace Checkout.Workflows.Secrets;

/// <summary>
/// The encryption keys by id, from <c>Secrets:EncryptionKeys</c> (<c>id=base64;id=base64</c>, each key 32 bytes), and
/// the id new values are encrypted with, <c>Secrets:ActiveKeyId</c>. Messages name settings and key ids, never keys.
/// </summary>
public sealed partial class SecretKeyRing
{
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    private SecretKeyRing(Dictionary<string, byte[]> keys, string activeKeyId)
    {
        _keys = keys;
        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>The ring, or what is wrong with the settings (naming the setting and, at most, a key id).</summary>
    public static (SecretKeyRing? Ring, string? Problem) Parse(string? encryptionKeys, string? activeKeyId)
    {
        if (string.IsNullOrWhiteSpace(encryptionKeys))
        {
            return (null, $"{SecretsOptions.EncryptionKeysSetting} is not set: give the keys that encrypt webhook secrets and payout account numbers at rest, as keyId=base64 of {KeyBytes} random bytes (several separated by ';'). In Azure, a Key Vault reference.");
        }

        if (encryptionKeys.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"{SecretsOptions.EncryptionKeysSetting} is a Key Vault reference the platform did not resolve: check the secret URI and give the app's identity Key Vault Secrets User on the vault.");
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in encryptionKeys.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            var id = separator > 0 ? entry[..separator].Trim() : string.Empty;
            if (!KeyIdFormat().IsMatch(id))
            {
                return (null, $"{SecretsOptions.EncryptionKeysSetting} has an entry that is not keyId=base64 (a key id is 1 to 32 letters, digits, '-' or '_').");
            }

            var text = entry[(separator + 1)..].Trim();
            var key = new byte[KeyBytes];
            if (!Base64.IsValid(text, out var length) || length != KeyBytes || !Convert.TryFromBase64String(text, key, out _))
            {
                return (null, $"{SecretsOptions.EncryptionKeysSetting}: key '{id}' is not base64 of exactly {KeyBytes} bytes.");
            }

            if (!keys.TryAdd(id, key))
            {
                return (null, $"{SecretsOptions.EncryptionKeysSetting} names key '{id}' twice.");
            }
        }

        if (string.IsNullOrWhiteSpace(activeKeyId))
        {
            return (null, $"{SecretsOptions.ActiveKeyIdSetting} is not set: name the key of {SecretsOptions.EncryptionKeysSetting} that encrypts new values.");
        }

        return keys.ContainsKey(activeKeyId)
            ? (new SecretKeyRing(keys, activeKeyId), null)
            : (null, $"{SecretsOptions.ActiveKeyIdSetting} is '{activeKeyId}', which {SecretsOptions.EncryptionKeysSetting} does not hold (it holds {string.Join(", ", keys.Keys.Select(k => $"'{k}'"))}).");
    }

    /// <exception cref="InvalidOperationException">The settings are not a usable ring; the message names the setting.</exception>
    public static SecretKeyRing From(SecretsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (ring, problem) = Parse(options.EncryptionKeys, options.ActiveKeyId);
        return ring ?? throw new InvalidOperationException(problem);
    }

    public bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    /// <summary>True when the ring holds this key under any id.</summary>
    public bool Holds(ReadOnlySpan<byte> key)
    {
        foreach (var candidate in _keys.Values)
        {
            if (candidate.AsSpan().SequenceEqual(key))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdFormat();
}
