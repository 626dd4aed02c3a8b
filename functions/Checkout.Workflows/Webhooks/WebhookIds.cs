using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Workflows.Webhooks;

/// <summary>Ids derived from what happened, never random, so repeated fan-outs and redeliveries converge on one row.</summary>
public static class WebhookIds
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary><c>webhook-id</c>: one per event, the same for every endpoint and attempt. Hashed because event ids
    /// contain dots, which Standard Webhooks forbids in the signed id.</summary>
    public static string WebhookId(string eventId) => "msg_" + Hash(eventId)[..32];

    /// <summary>Newest first in a merchant's partition (inverted event time), then a hash of event and endpoint.</summary>
    public static string DeliveryId(DateTimeOffset eventTimestamp, string eventId, string endpointId)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - eventTimestamp.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return "whd_" + inverted + Hash(eventId + "\n" + endpointId)[..16];
    }

    public static bool IsDeliveryId(string id) =>
        id.Length == 39 && id.StartsWith("whd_", StringComparison.Ordinal) && !id.AsSpan(4).ContainsAnyExcept(HexDigits);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
