using System.Security.Cryptography;
using System.Text;

namespace Checkout.Workflows.Secrets;

/// <summary>
/// Encrypts secrets for storage with AES-256-GCM: a random 12-byte nonce per value, the <see cref="StorageField"/> as
/// associated data (a ciphertext moved to another row or column fails to decrypt), stored as
/// <c>enc:v1:&lt;keyId&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c>. New values use the active key; a value decrypts with
/// the key its id names, so keys rotate without rewriting rows. A stored value without the <c>enc:</c> prefix was
/// written before encryption and is returned as it is (legacy rows; the stores re-encrypt what they write again).
/// Nothing here logs, and no message quotes a key, a plain value or a ciphertext.
/// </summary>
public sealed class SecretProtector(SecretKeyRing keys)
{
    public const string Prefix = "enc:";
    private const string Version1 = Prefix + "v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>True when the stored text is encrypted (has the <c>enc:</c> prefix), false for plain legacy text.</summary>
    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored text of <paramref name="plaintext"/>, encrypted with the active key for this field.</summary>
    public string Protect(string plaintext, StorageField field)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var keyId = keys.ActiveKeyId;
        _ = keys.TryGetKey(keyId, out var key);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), field.AssociatedData());
        }

        CryptographicOperations.ZeroMemory(plain);
        return $"{Version1}{keyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>Protects a value for <paramref name="field"/>, ready to be revealed where it is used.</summary>
    public ProtectedValue Seal(string plaintext, StorageField field) => new(Protect(plaintext, field), field);

    public string Reveal(ProtectedValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Unprotect(value.Stored, value.Field);
    }

    /// <summary>The plain value of stored text read from <paramref name="field"/> (legacy plain text as it is).</summary>
    /// <exception cref="CryptographicException">The text is malformed, names a key the ring does not hold, or does not
    /// authenticate (altered, moved from another field, or the key under its id changed); the message names the field.</exception>
    public string Unprotect(string stored, StorageField field)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsProtected(stored))
        {
            return stored;
        }

        if (!stored.StartsWith(Version1, StringComparison.Ordinal))
        {
            throw new CryptographicException($"{field} holds an encrypted value of a format this build does not read (it reads {Version1}).");
        }

        var rest = stored.AsSpan(Version1.Length);
        var colon = rest.IndexOf(':');
        var sealedBytes = colon > 0 ? FromBase64(rest[(colon + 1)..]) : null;
        if (sealedBytes is null || sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException($"{field} holds a malformed encrypted value (expected {Version1}<keyId>:<base64>).");
        }

        var keyId = rest[..colon].ToString();
        if (!keys.TryGetKey(keyId, out var key))
        {
            throw new CryptographicException(
                $"{field} was encrypted with key '{keyId}', which {SecretsOptions.EncryptionKeysSetting} does not hold; keep a retired key in the ring while values use it.");
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), plain, field.AssociatedData());
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException($"{field} does not decrypt with key '{keyId}': the value was altered, copied from another row or column, or the key under that id changed.", ex);
        }

        var text = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return text;
    }

    private static byte[]? FromBase64(ReadOnlySpan<char> text)
    {
        var bytes = new byte[text.Length * 3 / 4];
        return Convert.TryFromBase64Chars(text, bytes, out var written) ? bytes[..written] : null;
    }
}
