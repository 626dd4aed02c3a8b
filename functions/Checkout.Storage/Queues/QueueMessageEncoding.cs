namespace Checkout.Storage.Queues;

/// <summary>How message text travels on the wire.</summary>
public enum QueueMessageEncoding
{
    /// <summary>UTF-8 bytes of the text, base64-encoded: what the Azure Functions queue trigger expects by default.</summary>
    Base64,

    /// <summary>
    /// The text as is; it must be valid XML 1.0 character data. Beware: Azurite 3.37 may corrupt large non-ASCII
    /// unencoded messages (it decodes request-body chunks separately), so prefer <see cref="Base64"/>.
    /// </summary>
    None,
}
