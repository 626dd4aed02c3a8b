using System.Text.Json;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>
/// Reads <c>fx/spreads.json</c>:
/// <code>
/// { "note": "...", "defaultSpreadBps": 150,
///   "groups": [ { "name": "majors", "spreadBps": 50, "currencies": ["EUR", "USD"] } ],
///   "corridors": [ { "from": "USD", "to": "EUR", "spreadBps": 30 } ] }
/// </code>
/// Fails with a <see cref="ReferenceDataException"/> on unknown currencies, spreads outside
/// 0..<see cref="FxSpreadPolicy.MaxSpreadBps"/>, a currency in two groups or a corridor listed twice.
/// </summary>
public static class FxSpreadPolicyLoader
{
    public const string SpreadsPath = "fx/spreads.json";

    public static FxSpreadPolicy Load(IReferenceDataSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var stream = files.Open(SpreadsPath);
        return Parse(stream, SpreadsPath);
    }

    /// <param name="file">The file's name, for error messages only.</param>
    public static FxSpreadPolicy Parse(Stream json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonFields.Load(json, file);
        var root = document.RootElement;
        var defaultBps = ParseSpread(root, "defaultSpreadBps", file, "(root)");
        var grouped = new HashSet<CurrencyCode>();
        var groups = JsonFields.Array(root, "groups", file, "(root)")
            .Select((g, i) => ParseGroup(g, $"groups[{i}]", file, grouped))
            .ToList();
        var corridorKeys = new HashSet<(CurrencyCode, CurrencyCode)>();
        var corridors = JsonFields.Array(root, "corridors", file, "(root)")
            .Select((c, i) => ParseCorridor(c, $"corridors[{i}]", file, corridorKeys))
            .ToList();
        return new FxSpreadPolicy(defaultBps, groups, corridors);
    }

    private static FxSpreadGroup ParseGroup(JsonElement element, string entry, string file, HashSet<CurrencyCode> grouped)
    {
        var name = JsonFields.String(element, "name", file, entry);
        entry = $"{entry} ({name})";
        var bps = ParseSpread(element, "spreadBps", file, entry);
        var currencies = new List<CurrencyCode>();
        foreach (var item in JsonFields.Array(element, "currencies", file, entry))
        {
            var code = item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText();
            var currency = RateFileChecks.ParseSupportedCurrency(code, file, entry);
            currencies.Add(grouped.Add(currency)
                ? currency
                : throw new ReferenceDataException(file, entry, $"{currency} is already in another group"));
        }

        return new FxSpreadGroup(name, bps, currencies);
    }

    private static FxSpreadCorridor ParseCorridor(
        JsonElement element, string entry, string file, HashSet<(CurrencyCode, CurrencyCode)> seen)
    {
        var from = RateFileChecks.ParseSupportedCurrency(JsonFields.String(element, "from", file, entry), file, entry);
        var to = RateFileChecks.ParseSupportedCurrency(JsonFields.String(element, "to", file, entry), file, entry);
        entry = $"{entry} ({from}→{to})";
        if (from == to)
        {
            throw new ReferenceDataException(file, entry, "a corridor must convert between two different currencies");
        }

        return seen.Add((from, to))
            ? new FxSpreadCorridor(from, to, ParseSpread(element, "spreadBps", file, entry))
            : throw new ReferenceDataException(file, entry, "corridor listed twice");
    }

    private static int ParseSpread(JsonElement element, string name, string file, string entry)
    {
        var bps = JsonFields.Int32(element, name, file, entry);
        return bps is >= 0 and <= FxSpreadPolicy.MaxSpreadBps
            ? bps
            : throw new ReferenceDataException(file, entry, $"{name} {bps} is outside 0..{FxSpreadPolicy.MaxSpreadBps}");
    }
}
