using System.Globalization;
using System.Text.Json;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Customs;

/// <summary>One JSON object of a customs file, read strictly: every failure names the file, the entry and the reason,
/// and an unknown property fails too, because a misspelt "efectiveTo" would otherwise silently mean "open-ended".</summary>
internal sealed class CustomsJsonEntry(string file, string entry, JsonElement element)
{
    public string File { get; } = file;

    public string Entry { get; } = entry;

    public ReferenceDataException Fail(string reason) => new(File, Entry, reason);

    public void AllowOnly(IReadOnlyCollection<string> names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"expected a JSON object, found {element.ValueKind}");
        }

        var unknown = element.EnumerateObject().FirstOrDefault(p => !names.Contains(p.Name));
        if (unknown.Value.ValueKind != JsonValueKind.Undefined)
        {
            throw Fail($"unknown property '{unknown.Name}'");
        }
    }

    public bool Has(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string String(string name) =>
        OptionalString(name) is { Length: > 0 } text ? text : throw Fail($"'{name}' is required and must be a non-empty string");

    public string? OptionalString(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw Fail($"'{name}' must be a string"),
    };

    public decimal Decimal(string name) =>
        OptionalDecimal(name) ?? throw Fail($"'{name}' is required and must be a number");

    public decimal? OptionalDecimal(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var number) => number,
        _ => throw Fail($"'{name}' must be a number"),
    };

    public bool Boolean(string name, bool fallback) => Get(name) switch
    {
        null => fallback,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Fail($"'{name}' must be true or false"),
    };

    public DateOnly? OptionalDate(string name) => OptionalString(name) switch
    {
        null => null,
        var text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day,
        var text => throw Fail($"'{name}' must be a date as yyyy-MM-dd, found '{text}'"),
    };

    public IReadOnlyList<string> Strings(string name) => Get(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Fail($"'{name}' must hold strings only"))
            .ToList(),
        _ => throw Fail($"'{name}' must be an array of strings"),
    };

    /// <summary>The objects of an array property, each labelled by its "id" (or its index when it has none).</summary>
    public IReadOnlyList<CustomsJsonEntry> Entries(string name) => Get(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select((item, index) => Child(name, item, index)).ToList(),
        _ => throw Fail($"'{name}' must be an array of objects"),
    };

    public TEnum Enum<TEnum>(string name, IReadOnlyDictionary<string, TEnum> names) =>
        names.TryGetValue(String(name), out var value)
            ? value
            : throw Fail($"'{name}' must be one of {string.Join(", ", names.Keys)}, found '{String(name)}'");

    private CustomsJsonEntry Child(string section, JsonElement item, int index)
    {
        var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idValue)
            && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        return new CustomsJsonEntry(File, string.IsNullOrEmpty(id) ? $"{section}[{index}]" : $"{section}[{index}] '{id}'", item);
    }

    private JsonElement? Get(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
