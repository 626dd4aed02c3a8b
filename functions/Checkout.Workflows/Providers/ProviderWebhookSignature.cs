using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Workflows.Providers;

/// <summary>
/// The signature of the outside world's webhooks to this app (the payout rail's <c>Rail-Signature</c>, the wallets'
/// <c>Wallet-Signature</c>), Stripe's scheme: <c>t={unix seconds},v1={hex}</c>, where the hex is
/// HMAC-SHA256(secret, "{t}.{raw body}"). Verified in constant time, within a timestamp tolerance both ways.
/// </summary>
public static class ProviderWebhookSignature
{
    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>Null when valid, otherwise why not (for the log; the caller only ever answers 401).</summary>
    public static string? Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "no webhook secret is configured";
        }

        var parts = (header ?? string.Empty).Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var timestamp = parts.FirstOrDefault(p => p[0] == "t")?[1];
        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "missing or malformed timestamp";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return "timestamp outside the tolerance";
        }

        var expected = Mac(secret, timestamp, body);
        var matches = parts.Where(p => p[0] == "v1").Any(p => IsHex(p[1]) && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(p[1]), expected));
        return matches ? null : "no matching v1 signature";
    }

    private static byte[] Mac(string secret, string timestamp, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}
