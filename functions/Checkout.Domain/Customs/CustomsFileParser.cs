using System.Text.Json;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Customs;

/// <summary>Parses one file of <c>ReferenceData/customs</c>: a destination's rules (<c>"kind": "destination"</c>) or
/// restrictions that apply to every destination (<c>"kind": "restrictions"</c>).</summary>
internal static class CustomsFileParser
{
    public const int SchemaVersion = 1;

    private static readonly string[] DestinationFields =
    [
        "schemaVersion", "kind", "name", "countries", "currency", "thresholdBasis", "valuation", "dutyRegimes",
        "taxRegimes", "taxRates", "dutyRates", "consumptionTaxRates", "fees", "limits", "restrictions",
        "positiveList",
    ];

    private static readonly string[] RestrictionFileFields = ["schemaVersion", "kind", "name", "restrictions"];

    /// <returns>The destination's rules, or null for a restrictions-only file (its entries go to <paramref name="globalRestrictions"/>).</returns>
    public static DestinationRules? Parse(string file, Stream content, List<GoodsRestriction> globalRestrictions)
    {
        using var document = ReadJson(file, content);
        var root = new CustomsJsonEntry(file, "(file)", document.RootElement);
        if (root.OptionalDecimal("schemaVersion") != SchemaVersion)
        {
            throw root.Fail($"'schemaVersion' must be {SchemaVersion}");
        }

        switch (root.String("kind"))
        {
            case "restrictions":
                root.AllowOnly(RestrictionFileFields);
                globalRestrictions.AddRange(root.Entries("restrictions").Select(CustomsEntryParser.Restriction));
                return null;
            case "destination":
                root.AllowOnly(DestinationFields);
                return Destination(file, root);
            default:
                throw root.Fail("'kind' must be 'destination' or 'restrictions'");
        }
    }

    private static DestinationRules Destination(string file, CustomsJsonEntry root)
    {
        var countries = root.Strings("countries").Select(c => CustomsEntryParser.Country(root, c)).ToHashSet();
        var currencyText = root.String("currency");
        if (!Iso4217.TryGet(currencyText, out var currency))
        {
            throw root.Fail($"'currency' '{currencyText}' is not a supported ISO 4217 currency");
        }

        var thresholdBasis = root.Has("thresholdBasis")
            ? CustomsRegimeParser.ComponentSet(root, "thresholdBasis")
            : [ValueComponent.Goods];
        var rules = new DestinationRules(
            file,
            root.String("name"),
            countries,
            currency.Code,
            thresholdBasis,
            root.Entries("valuation").Select(CustomsRegimeParser.Valuation).ToList(),
            root.Entries("dutyRegimes").Select(CustomsRegimeParser.DutyRegime).ToList(),
            root.Entries("taxRegimes").Select(CustomsRegimeParser.TaxRegime).ToList(),
            root.Entries("taxRates").Select(CustomsEntryParser.TaxRate).ToList(),
            root.Entries("dutyRates").Select(CustomsEntryParser.DutyRate).ToList(),
            root.Entries("consumptionTaxRates").Select(CustomsEntryParser.ConsumptionTaxRate).ToList(),
            root.Entries("fees").Select(CustomsEntryParser.Fee).ToList(),
            root.Entries("limits").Select(CustomsEntryParser.Limit).ToList(),
            root.Entries("restrictions").Select(CustomsEntryParser.Restriction).ToList(),
            root.Entries("positiveList").Select(CustomsEntryParser.PositiveList).ToList());
        CustomsRuleValidator.Validate(rules, root);
        return rules;
    }

    private static JsonDocument ReadJson(string file, Stream content)
    {
        try
        {
            return JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            throw new ReferenceDataException(file, "(file)", $"not valid JSON: {ex.Message}");
        }
    }
}
