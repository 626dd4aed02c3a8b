using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Checkout.Storage.Queues;

/// <summary>The XML bodies of the queue REST API: the message envelope we send and the message lists we receive.</summary>
internal static class QueueXml
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // Entitize keeps a carriage return as &#xD;; the default would normalise line breaks and change the text.
        NewLineHandling = NewLineHandling.Entitize,
        OmitXmlDeclaration = false,
    };

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
    };

    /// <summary><c>&lt;QueueMessage&gt;&lt;MessageText&gt;..&lt;/MessageText&gt;&lt;/QueueMessage&gt;</c>, escaped by XmlWriter.</summary>
    public static byte[] MessageBody(string wireText)
    {
        using var stream = new MemoryStream();
        try
        {
            using var writer = XmlWriter.Create(stream, WriterSettings);
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", wireText);
            writer.WriteEndElement();
        }
        catch (ArgumentException ex)
        {
            // XmlWriter rejects characters XML 1.0 cannot carry (NUL, lone surrogates, most control characters).
            throw new ArgumentException("The message text holds characters XML cannot carry; use QueueMessageEncoding.Base64.", nameof(wireText), ex);
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<XElement> Messages(string body)
    {
        using var reader = XmlReader.Create(new StringReader(body), ReaderSettings);
        var doc = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        return doc.Root?.Elements("QueueMessage").ToList() ?? [];
    }

    public static string Text(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new InvalidDataException($"Queue response message lacks <{name}>.");

    public static long Long(XElement message, string name) =>
        long.Parse(Text(message, name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(XElement message, string name) => ParseTime(Text(message, name));

    public static DateTimeOffset ParseTime(string rfc1123) =>
        DateTimeOffset.ParseExact(rfc1123, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
