using System.Globalization;
using System.Text.Json;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>
/// Reads rates for currencies the ECB does not publish (PKR, AED, KWD, ...), taken from each currency's central bank
/// or its official peg and restated per euro, in the ECB convention. Format:
/// <code>
/// { "note": "...", "base": "EUR",
///   "rates": [ { "currency": "PKR", "unitsPerEuro": 326.55, "asOf": "2026-11-20", "source": "https://www.sbp.org.pk/..." } ] }
/// </code>
/// Each entry carries its own date and source because central banks publish on different days and calendars.
/// </summary>
public static class SupplementaryRateParser
{
    /// <param name="file">The file's name, for error messages only.</param>
    public static IReadOnlyList<EuroRate> Parse(Stream json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonFields.Load(json, file);
        var root = document.RootElement;
        var baseCurrency = JsonFields.String(root, "base", file, "(root)");
        if (baseCurrency != CurrencyCode.Eur.Value)
        {
            throw new ReferenceDataException(file, "base", $"'{baseCurrency}' is not EUR; every rate must be per euro");
        }

        var seen = new HashSet<CurrencyCode>();
        return JsonFields.Array(root, "rates", file, "(root)")
            .Select((element, index) => ParseRate(element, index, file, seen))
            .ToList();
    }

    private static EuroRate ParseRate(JsonElement element, int index, string file, HashSet<CurrencyCode> seen)
    {
        var code = element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("currency", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var entry = code is null ? $"rates[{index}]" : $"rates[{index}] ({code})";
        var currency = RateFileChecks.ParseRatedCurrency(JsonFields.String(element, "currency", file, entry), file, entry, seen);
        var rate = JsonFields.Decimal(element, "unitsPerEuro", file, entry);
        if (rate <= 0m)
        {
            throw new ReferenceDataException(file, entry, $"unitsPerEuro {rate} is not positive");
        }

        return new EuroRate(currency, rate, ParseDate(element, file, entry), ParseSource(element, file, entry));
    }

    private static DateOnly ParseDate(JsonElement element, string file, string entry)
    {
        var text = JsonFields.String(element, "asOf", file, entry);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ReferenceDataException(file, entry, $"asOf '{text}' is not a yyyy-MM-dd date");
    }

    private static string ParseSource(JsonElement element, string file, string entry)
    {
        var text = JsonFields.String(element, "source", file, entry);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? text
            : throw new ReferenceDataException(file, entry, $"source '{text}' is not an absolute http(s) URL");
    }
}
