using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Standard Webhooks symmetric signing: <c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed with
/// the base64-decoded part of a <c>whsec_</c> secret. Receivers verify the same way over the raw body bytes.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>32 random bytes: above the specification's 24-byte minimum, below its 64-byte maximum.</summary>
    public const int SecretBytes = 32;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Sign(string secret, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var key = KeyOf(secret);
        var prefix = Encoding.UTF8.GetBytes(messageId + "." + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>True when any <c>v1,</c> entry of a space-delimited signature header matches (constant time).</summary>
    public static bool Verify(string secret, string messageId, long timestamp, ReadOnlySpan<byte> body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Encoding.ASCII.GetBytes(Sign(secret, messageId, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)));
    }

    /// <exception cref="FormatException">Not a <c>whsec_</c> secret with a base64 key.</exception>
    public static byte[] KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"A webhook secret starts with '{SecretPrefix}'.");
        }

        return Convert.FromBase64String(secret[SecretPrefix.Length..]);
    }
}
