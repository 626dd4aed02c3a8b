using System.Globalization;
using System.Text.RegularExpressions;
using Checkout.Domain.Logistics;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Geography;

/// <summary>
/// Postal-code formats per country, loaded from <c>ReferenceData/logistics/postal-codes.json</c>. Input is trimmed and
/// upper-cased before matching; nothing else is rewritten, so what is checked is what the carrier will see.
/// </summary>
public sealed class PostalCodeFormats
{
    public const string FilePath = "logistics/postal-codes.json";

    private static readonly Lazy<PostalCodeFormats> Embedded = new(() => Load(EmbeddedReferenceData.Instance));

    private readonly Dictionary<CountryCode, List<Compiled>> byCountry;

    private PostalCodeFormats(Dictionary<CountryCode, List<Compiled>> byCountry) => this.byCountry = byCountry;

    /// <summary>The formats shipped with this assembly.</summary>
    public static PostalCodeFormats Default => Embedded.Value;

    public IEnumerable<PostalCodeFormat> All => byCountry.Values.SelectMany(v => v).Select(c => c.Format);

    /// <summary>Loads and validates the file; a malformed file throws <see cref="ReferenceDataException"/> naming the
    /// file, the entry and the reason.</summary>
    public static PostalCodeFormats Load(IReferenceDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var document = ReferenceEntry.Parse(source, FilePath);
        var byCountry = new Dictionary<CountryCode, List<Compiled>>();
        foreach (var entry in ReferenceEntry.Root(FilePath, document).Array("countries"))
        {
            var compiled = Read(entry);
            var versions = byCountry.TryGetValue(compiled.Format.Country, out var list) ? list : byCountry[compiled.Format.Country] = [];
            if (versions.Exists(v => ReferenceEntry.Overlap(v.Format.Period, compiled.Format.Period)))
            {
                throw entry.Describing(compiled.Format.Country.Value).Fail($"a second format for {compiled.Format.Country} overlaps an earlier entry's effective period");
            }

            versions.Add(compiled);
        }

        return new PostalCodeFormats(byCountry);
    }

    /// <summary>Checks against the latest format on file for the country (the entry that starts last).</summary>
    public PostalCodeCheck Validate(CountryCode country, string? postalCode) =>
        Check(byCountry.TryGetValue(country, out var versions) ? versions.MaxBy(v => v.Format.Period.From) : null, postalCode);

    /// <summary>Checks against the format in effect on <paramref name="day"/>.</summary>
    public PostalCodeCheck Validate(CountryCode country, string? postalCode, DateOnly day) =>
        Check(byCountry.TryGetValue(country, out var versions) ? versions.Find(v => v.Format.Period.Contains(day)) : null, postalCode);

    private static PostalCodeCheck Check(Compiled? compiled, string? postalCode)
    {
        var normalized = string.IsNullOrWhiteSpace(postalCode) ? null : postalCode.Trim().ToUpperInvariant();
        var status = (compiled, normalized) switch
        {
            (null, _) => PostalCodeStatus.NoFormatOnFile,
            ({ Regex: null }, null) => PostalCodeStatus.Valid,
            ({ Regex: null }, _) => PostalCodeStatus.NotExpected,
            (_, null) => PostalCodeStatus.Missing,
            _ => compiled.Regex.IsMatch(normalized) ? PostalCodeStatus.Valid : PostalCodeStatus.Malformed,
        };
        return new PostalCodeCheck(status, normalized, compiled?.Format);
    }

    private static Compiled Read(ReferenceEntry entry)
    {
        var country = entry.Country("country");
        entry = entry.Describing(country.Value);
        var period = entry.Period();
        var source = entry.Source();
        if (entry.Has("noPostalCode"))
        {
            return entry.Boolean("noPostalCode") && !entry.Has("pattern") && !entry.Has("example")
                ? new Compiled(new PostalCodeFormat(country, null, null, period, source), null)
                : throw entry.Fail("'noPostalCode' must be true and comes without 'pattern' or 'example'");
        }

        var pattern = entry.String("pattern");
        var example = entry.String("example");
        var regex = Compile(entry, pattern);
        return regex.IsMatch(example)
            ? new Compiled(new PostalCodeFormat(country, pattern, example, period, source), regex)
            : throw entry.Fail(string.Create(CultureInfo.InvariantCulture, $"example '{example}' does not match pattern '{pattern}'"));
    }

    private static Regex Compile(ReferenceEntry entry, string pattern)
    {
        try
        {
            // NonBacktracking: linear-time matching whatever the buyer types, so no input can stall a worker.
            return new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException e)
        {
            throw entry.Fail($"'pattern' is not a valid regular expression: {e.Message}");
        }
    }

    private sealed record Compiled(PostalCodeFormat Format, Regex? Regex);
}
