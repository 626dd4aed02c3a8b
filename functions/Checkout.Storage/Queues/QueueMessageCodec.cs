using System.Text;

namespace Checkout.Storage.Queues;

/// <summary>
/// Encodes message text for the wire and checks the service limit: the encoded text may be at most 64 KiB of UTF-8
/// (Azurite and the service count the UTF-8 bytes of the XML-decoded MessageText), so base64 leaves 48 KiB of payload.
/// </summary>
internal static class QueueMessageCodec
{
    public const int MaxEncodedBytes = 64 * 1024;

    public static string Encode(string text, QueueMessageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
        var size = Encoding.UTF8.GetByteCount(encoded);
        if (size > MaxEncodedBytes)
        {
            throw new ArgumentException(
                $"The message is {size} bytes once encoded ({encoding}); a queue message may hold at most {MaxEncodedBytes}.", nameof(text));
        }

        return encoded;
    }

    public static string Decode(string wireText, QueueMessageEncoding encoding, string messageId)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return wireText;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(wireText));
        }
        catch (FormatException ex)
        {
            throw new FormatException(
                $"Message {messageId} is not base64 text; read the queue with QueueMessageEncoding.None or fix the producer.", ex);
        }
    }
}
