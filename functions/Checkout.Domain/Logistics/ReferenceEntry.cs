using System.Globalization;
using System.Text.Json;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Logistics;

/// <summary>
/// One JSON object in a reference data file, read field by field so that every problem is reported as a
/// <see cref="ReferenceDataException"/> naming the file, the entry (a path such as <c>services[1].zones[0]</c>) and the
/// reason. Shared by the logistics, sanctions and postal-code loaders.
/// </summary>
internal readonly record struct ReferenceEntry(string File, string Name, JsonElement Element)
{
    public static JsonDocument Parse(IReferenceDataSource source, string file)
    {
        using var stream = source.Open(file);
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ReferenceDataException(file, "(file)", $"not valid JSON: {e.Message}");
        }
    }

    public static ReferenceEntry Root(string file, JsonDocument document)
    {
        var root = new ReferenceEntry(file, "(root)", document.RootElement);
        return document.RootElement.ValueKind == JsonValueKind.Object ? root : throw root.Fail("must be a JSON object");
    }

    public ReferenceDataException Fail(string reason) => new(File, Name, reason);

    public IReadOnlyList<ReferenceEntry> Array(string property, bool allowEmpty = false)
    {
        var value = Required(property);
        if (value.ValueKind != JsonValueKind.Array || (!allowEmpty && value.GetArrayLength() == 0))
        {
            throw Fail($"'{property}' must be a{(allowEmpty ? "n" : " non-empty")} array");
        }

        var prefix = Name == "(root)" ? property : $"{Name}.{property}";
        var file = File;
        return value.EnumerateArray().Select((e, i) => new ReferenceEntry(file, $"{prefix}[{i}]", e)).ToList();
    }

    public ReferenceEntry Object(string property)
    {
        var value = Required(property);
        var name = Name == "(root)" ? property : $"{Name}.{property}";
        return value.ValueKind == JsonValueKind.Object
            ? new ReferenceEntry(File, name, value)
            : throw Fail($"'{property}' must be an object");
    }

    public bool Has(string property) =>
        Element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>This entry, renamed to say which thing it describes (e.g. <c>services[0] (DHL Express)</c>).</summary>
    public ReferenceEntry Describing(string what) => this with { Name = $"{Name} ({what})" };

    public string String(string property)
    {
        var value = Required(property);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Fail($"'{property}' must be a non-empty string");
    }

    public string? OptionalString(string property) => Has(property) ? String(property) : null;

    public IReadOnlyList<string> Strings(string property, bool allowEmpty = false) =>
        Array(property, allowEmpty).Select(e => e.Element.ValueKind == JsonValueKind.String
            ? e.Element.GetString()!
            : throw e.Fail("must be a string")).ToList();

    public decimal Decimal(string property)
    {
        var value = Required(property);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw Fail($"'{property}' must be a number");
    }

    public decimal PositiveDecimal(string property)
    {
        var number = Decimal(property);
        return number > 0m ? number : throw Fail($"'{property}' must be greater than zero, not {number}");
    }

    public decimal? OptionalPositiveDecimal(string property) => Has(property) ? PositiveDecimal(property) : null;

    public int Int(string property, int min)
    {
        var value = Required(property);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min
            ? number
            : throw Fail($"'{property}' must be a whole number of at least {min}");
    }

    public bool Boolean(string property)
    {
        var value = Required(property);
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Fail($"'{property}' must be true or false");
    }

    public DateOnly Date(string property) =>
        DateOnly.TryParseExact(String(property), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw Fail($"'{property}' must be a date written yyyy-MM-dd");

    /// <summary>Reads <c>effectiveFrom</c> (required) and <c>effectiveTo</c> (optional, exclusive).</summary>
    public EffectivePeriod Period()
    {
        var from = Date("effectiveFrom");
        DateOnly? to = Has("effectiveTo") ? Date("effectiveTo") : null;
        return to is null || to > from ? new EffectivePeriod(from, to) : throw Fail("'effectiveTo' must be after 'effectiveFrom'");
    }

    /// <summary>Reads <c>source</c>: the absolute http(s) URL that justifies the entry.</summary>
    public Uri Source(string property = "source") =>
        Uri.TryCreate(String(property), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw Fail($"'{property}' must be an absolute http(s) URL");

    public CountryCode Country(string property) => ToCountry(String(property));

    public CountryCode ToCountry(string value) =>
        CountryCode.IsWellFormed(value) ? new CountryCode(value) : throw Fail($"'{value}' is not an ISO 3166-1 alpha-2 country code");

    public CurrencyCode Currency(string property)
    {
        var code = String(property);
        return Iso4217.TryGet(code, out var currency) ? currency.Code : throw Fail($"'{code}' is not a supported ISO 4217 currency");
    }

    /// <summary>Whether two effective periods (end exclusive, open when null) share at least one day: two versions of
    /// the same rule must not.</summary>
    public static bool Overlap(EffectivePeriod a, EffectivePeriod b) =>
        (b.To is null || a.From < b.To) && (a.To is null || b.From < a.To);

    private JsonElement Required(string property) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Fail($"'{property}' is missing");
}
