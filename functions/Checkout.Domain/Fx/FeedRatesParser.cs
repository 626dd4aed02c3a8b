using System.Text.Json;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>
/// Reads a supplementary rate feed in the <c>latest.json</c> shape that Open Exchange Rates made common:
/// <code>{ "base": "USD", "timestamp": 1764676800, "rates": { "PKR": 280.15, "MOP": 8.01, ... } }</code>
/// Such feeds list far more currencies than this product quotes (metals, crypto, ...); those are skipped. A rate this
/// product needs that is not a positive number fails the whole answer, as a broken ECB file does.
/// </summary>
public static class FeedRatesParser
{
    /// <param name="file">Where the answer came from, for error messages only.</param>
    public static FeedRates Parse(Stream json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonFields.Load(json, file);
        var root = document.RootElement;
        var baseCode = JsonFields.String(root, "base", file, "(root)");
        var baseCurrency = RateFileChecks.ParseSupportedCurrency(baseCode, file, "base");
        var seconds = JsonFields.Decimal(root, "timestamp", file, "(root)");
        if (seconds <= 0m || seconds != decimal.Truncate(seconds) || seconds > 253_402_300_799m)
        {
            throw new ReferenceDataException(file, "timestamp", $"{seconds} is not a Unix time in whole seconds");
        }

        if (!root.TryGetProperty("rates", out var rates) || rates.ValueKind != JsonValueKind.Object)
        {
            throw new ReferenceDataException(file, "rates", "'rates' is missing or not an object of currency: rate");
        }

        var unitsPerBase = new Dictionary<CurrencyCode, decimal>();
        foreach (var property in rates.EnumerateObject())
        {
            if (!CurrencyCode.TryParse(property.Name, out var currency) || !Iso4217.IsSupported(currency))
            {
                continue;
            }

            var entry = $"rates.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDecimal(out var rate) || rate <= 0m)
            {
                throw new ReferenceDataException(file, entry, $"{property.Value.GetRawText()} is not a positive number");
            }

            if (!unitsPerBase.TryAdd(currency, rate))
            {
                throw new ReferenceDataException(file, entry, $"duplicate rate for {currency}");
            }
        }

        return new FeedRates(baseCurrency, DateTimeOffset.FromUnixTimeSeconds((long)seconds), unitsPerBase);
    }
}
