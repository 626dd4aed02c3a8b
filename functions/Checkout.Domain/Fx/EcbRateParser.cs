using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>
/// Reads the ECB daily reference rates (<c>eurofxref-daily.xml</c>): a gesmes envelope whose three nested
/// <c>Cube</c> levels sit in the eurofxref default namespace, one <c>Cube time='yyyy-MM-dd'</c> and under it one
/// <c>Cube currency='USD' rate='1.0705'</c> per currency, meaning 1 EUR = rate × currency.
/// Anything unexpected fails the whole file: a half-read rate file would quote wrong prices silently.
/// </summary>
public static class EcbRateParser
{
    public const string SourceUrl = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml";

    private static readonly XNamespace Gesmes = "http://www.gesmes.org/xml/2002-08-01";
    private static readonly XNamespace EuroFxRef = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    /// <param name="file">The file's name, for error messages only.</param>
    public static IReadOnlyList<EuroRate> Parse(Stream xml, string file)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var root = LoadRoot(xml, file);
        var days = root.Elements(EuroFxRef + "Cube").Elements(EuroFxRef + "Cube").ToList();
        if (days.Count != 1)
        {
            throw new ReferenceDataException(file, "Cube time", $"expected exactly one dated Cube, found {days.Count}");
        }

        var asOf = ParseDate(days[0], file);
        var cubes = days[0].Elements(EuroFxRef + "Cube").ToList();
        if (cubes.Count == 0)
        {
            throw new ReferenceDataException(file, "Cube time", "the dated Cube holds no currency rates");
        }

        var seen = new HashSet<CurrencyCode>();
        return cubes.Select((cube, index) => ParseRate(cube, index, asOf, file, seen)).ToList();
    }

    private static XElement LoadRoot(Stream xml, string file)
    {
        // Reference data is trusted, but there is no reason to let a DTD expand entities or fetch anything.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            var root = XDocument.Load(reader).Root;
            return root is not null && root.Name == Gesmes + "Envelope"
                ? root
                : throw new ReferenceDataException(file, "(root)", "the root element is not a gesmes:Envelope");
        }
        catch (XmlException e)
        {
            throw new ReferenceDataException(file, "(document)", $"not well-formed XML: {e.Message}", e);
        }
    }

    private static DateOnly ParseDate(XElement day, string file)
    {
        var time = (string?)day.Attribute("time");
        return DateOnly.TryParseExact(time, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ReferenceDataException(file, "Cube time", $"'{time}' is not a yyyy-MM-dd date");
    }

    private static EuroRate ParseRate(XElement cube, int index, DateOnly asOf, string file, HashSet<CurrencyCode> seen)
    {
        var code = (string?)cube.Attribute("currency");
        var entry = code is null ? $"Cube[{index}]" : $"Cube[{index}] currency='{code}'";
        var currency = RateFileChecks.ParseRatedCurrency(code, file, entry, seen);
        var rateText = (string?)cube.Attribute("rate");
        if (!decimal.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0m)
        {
            throw new ReferenceDataException(file, entry, $"rate '{rateText}' is not a positive decimal number");
        }

        return new EuroRate(currency, rate, asOf, SourceUrl);
    }
}
