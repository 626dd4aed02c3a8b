using System.Text.RegularExpressions;
using Checkout.Domain.Geography;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Customs;

/// <summary>Parses and validates the entries of a customs file that are not value bands: provenance, rates, fees,
/// limits and restrictions.</summary>
internal static partial class CustomsEntryParser
{
    public static readonly string[] ProvenanceFields = ["id", "effectiveFrom", "effectiveTo", "source", "illustrative", "note"];

    private static readonly Dictionary<string, CollectionPoint> FeeCollections = new(StringComparer.Ordinal)
    {
        ["checkout"] = CollectionPoint.AtCheckout,
        ["delivery"] = CollectionPoint.OnDelivery,
        ["paymentProvider"] = CollectionPoint.ByPaymentProvider,
    };

    private static readonly Dictionary<string, RestrictionAction> Actions = new(StringComparer.Ordinal)
    {
        ["reject"] = RestrictionAction.Reject,
        ["flag"] = RestrictionAction.Flag,
    };

    private static readonly Dictionary<string, SpendLimitPeriod> LimitPeriods = new(StringComparer.Ordinal)
    {
        ["perOrder"] = SpendLimitPeriod.PerOrder,
        ["perCalendarYear"] = SpendLimitPeriod.PerCalendarYear,
    };

    public static RuleProvenance Provenance(CustomsJsonEntry e)
    {
        var id = e.String("id");
        if (!IdPattern().IsMatch(id))
        {
            throw e.Fail($"id '{id}' must be lower-case words joined by '.' or '-'");
        }

        var from = e.OptionalDate("effectiveFrom") ?? throw e.Fail("'effectiveFrom' is required");
        var to = e.OptionalDate("effectiveTo");
        if (to <= from)
        {
            throw e.Fail($"'effectiveTo' {to:yyyy-MM-dd} must be after 'effectiveFrom' {from:yyyy-MM-dd}");
        }

        var source = e.String("source");
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw e.Fail($"'source' must be an absolute http(s) URL, found '{source}'");
        }

        return new RuleProvenance(id, new EffectivePeriod(from, to), source, e.Boolean("illustrative", false), e.OptionalString("note"));
    }

    public static DutyRate DutyRate(CustomsJsonEntry e)
    {
        e.AllowOnly([.. ProvenanceFields, "hsPrefix", "component", "rate"]);
        var component = e.OptionalString("component") ?? Customs.DutyRate.CustomsDuty;
        if (!IdPattern().IsMatch(component))
        {
            throw e.Fail($"'component' '{component}' must be lower-case words joined by '-'");
        }

        return new DutyRate(Provenance(e), HsPrefix(e, required: true)!, component, Rate(e, "rate", max: 10m));
    }

    public static TaxRate TaxRate(CustomsJsonEntry e)
    {
        e.AllowOnly([.. ProvenanceFields, "country", "tax", "rate"]);
        return new TaxRate(Provenance(e), Country(e, e.String("country")), e.String("tax"), Rate(e, "rate", max: 0.99m));
    }

    public static ConsumptionTaxRate ConsumptionTaxRate(CustomsJsonEntry e)
    {
        e.AllowOnly([.. ProvenanceFields, "hsPrefix", "rate"]);
        return new ConsumptionTaxRate(Provenance(e), HsPrefix(e, required: true)!, Rate(e, "rate", max: 0.99m));
    }

    public static FeeRule Fee(CustomsJsonEntry e)
    {
        e.AllowOnly([.. ProvenanceFields, "description", "rateOfGoods", "collection"]);
        return new FeeRule(Provenance(e), e.String("description"), Rate(e, "rateOfGoods", max: 0.99m), e.Enum("collection", FeeCollections));
    }

    public static SpendLimit Limit(CustomsJsonEntry e)
    {
        e.AllowOnly([.. ProvenanceFields, "period", "maxValue", "inclusive", "singleItemMayExceed"]);
        var ceiling = CustomsRegimeParser.Ceiling(e);
        if (ceiling.Amount is null)
        {
            throw e.Fail("a spend limit needs 'maxValue'");
        }

        return new SpendLimit(Provenance(e), e.Enum("period", LimitPeriods), ceiling, e.Boolean("singleItemMayExceed", false));
    }

    public static GoodsRestriction Restriction(CustomsJsonEntry e)
    {
        e.AllowOnly([.. ProvenanceFields, "hsPrefix", "keyword", "action", "reasonCode", "detail"]);
        var prefix = HsPrefix(e, required: false);
        var keyword = e.OptionalString("keyword");
        if (string.IsNullOrEmpty(prefix) && string.IsNullOrWhiteSpace(keyword))
        {
            throw e.Fail("a restriction needs a non-empty 'hsPrefix' or 'keyword'");
        }

        var code = e.String("reasonCode");
        if (!code.StartsWith("customs.", StringComparison.Ordinal))
        {
            throw e.Fail($"'reasonCode' '{code}' must start with 'customs.'");
        }

        return new GoodsRestriction(Provenance(e), string.IsNullOrEmpty(prefix) ? null : prefix, keyword, e.Enum("action", Actions), code, e.String("detail"));
    }

    public static PermittedGoods PositiveList(CustomsJsonEntry e)
    {
        e.AllowOnly([.. ProvenanceFields, "hsPrefixes", "reasonCode", "detail"]);
        var prefixes = e.Strings("hsPrefixes");
        if (prefixes.Count == 0 || prefixes.Any(p => p.Length < 2 || p.Length > 10 || !p.All(char.IsAsciiDigit)))
        {
            throw e.Fail("'hsPrefixes' must list HS prefixes of 2 to 10 digits");
        }

        var code = e.String("reasonCode");
        if (!code.StartsWith("customs.", StringComparison.Ordinal))
        {
            throw e.Fail($"'reasonCode' '{code}' must start with 'customs.'");
        }

        return new PermittedGoods(Provenance(e), prefixes, code, e.String("detail"));
    }

    public static CountryCode Country(CustomsJsonEntry e, string text) =>
        CountryCode.IsWellFormed(text) ? new CountryCode(text) : throw e.Fail($"'{text}' is not an ISO 3166-1 alpha-2 country code");

    private static string? HsPrefix(CustomsJsonEntry e, bool required)
    {
        var prefix = e.OptionalString("hsPrefix");
        if (prefix is null)
        {
            return required ? throw e.Fail("'hsPrefix' is required (\"\" matches every code)") : null;
        }

        return prefix.Length is 0 or 2 or 4 or 6 or 8 or 10 && prefix.All(char.IsAsciiDigit)
            ? prefix
            : throw e.Fail($"'hsPrefix' '{prefix}' must be a chapter, heading or longer HS prefix: an even number of digits, at most 10");
    }

    private static decimal Rate(CustomsJsonEntry e, string name, decimal max)
    {
        var rate = e.Decimal(name);
        return rate >= 0m && rate <= max ? rate : throw e.Fail($"'{name}' {rate} must be a fraction between 0 and {max} (0.2 means 20%)");
    }

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
