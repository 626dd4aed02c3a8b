using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary>One request a <see cref="WebhookReceiver"/> got, and the status it answered.</summary>
internal sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string? ContentType, byte[] Body, int AnsweredStatus)
{
    /// <summary>Verifies as a consumer would, written out here rather than calling the app's signer: HMAC-SHA256 over
    /// <c>id.timestamp.body</c> with the base64-decoded secret, compared with each <c>v1,</c> entry.</summary>
    public bool SignatureVerifies(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.").Concat(Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        return Signature.Split(' ').Contains(expected, StringComparer.Ordinal)
            && long.TryParse(Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
