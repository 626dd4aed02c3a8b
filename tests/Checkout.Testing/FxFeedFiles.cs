using System.Globalization;
using System.Text;
using System.Text.Json;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Testing;

/// <summary>
/// The two live FX feeds' answers in their published formats, dated as a test needs: the ECB's
/// <c>eurofxref-daily.xml</c> and a supplementary <c>latest.json</c> (USD base, as Open Exchange Rates serves it,
/// with the ECB currencies, metals and crypto a real feed carries too). The figures are the domain's sample rates, so
/// every currency the product quotes is present; a test bends them with <see cref="Scale"/> and <see cref="Without"/>.
/// </summary>
public sealed record FxFeedFiles(DateOnly AsOf, IReadOnlyDictionary<string, decimal> UnitsPerEuro)
{
    /// <summary>The ECB's own currencies in the sample file; every other rated currency comes from the supplementary feed.</summary>
    public static readonly IReadOnlySet<string> EcbCurrencies = LoadEcb().Select(r => r.Currency.Value).ToHashSet();

    public static FxFeedFiles Sample(DateOnly asOf)
    {
        var rates = ExchangeRateSetLoader.Load(EmbeddedReferenceData.Instance).Rates;
        return new FxFeedFiles(asOf, rates.ToDictionary(r => r.Currency.Value, r => r.UnitsPerEuro));
    }

    /// <summary>The same feeds with one currency's rate multiplied (1.5 = a 50% jump; 0 = a zero rate).</summary>
    public FxFeedFiles Scale(string currency, decimal factor) =>
        this with { UnitsPerEuro = new Dictionary<string, decimal>(UnitsPerEuro) { [currency] = UnitsPerEuro[currency] * factor } };

    public FxFeedFiles Without(string currency) =>
        this with { UnitsPerEuro = UnitsPerEuro.Where(p => p.Key != currency).ToDictionary(p => p.Key, p => p.Value) };

    public string EcbXml()
    {
        var xml = new StringBuilder();
        xml.AppendLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.AppendLine("<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">");
        xml.AppendLine("\t<gesmes:subject>Reference rates</gesmes:subject>");
        xml.AppendLine("\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>");
        xml.AppendLine("\t<Cube>");
        xml.AppendLine(CultureInfo.InvariantCulture, $"\t\t<Cube time='{AsOf:yyyy-MM-dd}'>");
        foreach (var (currency, rate) in UnitsPerEuro.Where(p => EcbCurrencies.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            xml.AppendLine(CultureInfo.InvariantCulture, $"\t\t\t<Cube currency='{currency}' rate='{rate}'/>");
        }

        xml.AppendLine("\t\t</Cube>\n\t</Cube>\n</gesmes:Envelope>");
        return xml.ToString();
    }

    /// <summary>Units per US dollar at noon UTC of <see cref="AsOf"/>, every rated currency and the euro included.</summary>
    public string LatestJson()
    {
        var usdPerEuro = UnitsPerEuro["USD"];
        var rates = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["EUR"] = Math.Round(1m / usdPerEuro, 6),
            ["BTC"] = 0.0000105m,
            ["XAU"] = 0.000241m,
        };
        foreach (var (currency, rate) in UnitsPerEuro)
        {
            rates[currency] = Math.Round(rate / usdPerEuro, 6);
        }

        var timestamp = new DateTimeOffset(AsOf.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeSeconds();
        return JsonSerializer.Serialize(new { disclaimer = "Usage subject to terms", license = "test", timestamp, @base = "USD", rates });
    }

    private static IReadOnlyList<EuroRate> LoadEcb()
    {
        using var stream = EmbeddedReferenceData.Instance.Open(ExchangeRateSetLoader.EcbDailyPath);
        return EcbRateParser.Parse(stream, ExchangeRateSetLoader.EcbDailyPath);
    }
}
