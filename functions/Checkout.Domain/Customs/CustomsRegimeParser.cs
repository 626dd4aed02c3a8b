namespace Checkout.Domain.Customs;

/// <summary>Parses and validates the value bands of a customs file: valuation, duty and tax regimes.</summary>
internal static class CustomsRegimeParser
{
    private static readonly string[] BandFields =
        [.. CustomsEntryParser.ProvenanceFields, "maxValue", "inclusive", "collection", "channels", "shipFrom", "shipFromExcept", "originsAnyOf"];

    private static readonly Dictionary<string, CustomsValuation> Valuations = new(StringComparer.Ordinal)
    {
        ["FOB"] = CustomsValuation.Fob,
        ["CIF"] = CustomsValuation.Cif,
    };

    private static readonly Dictionary<string, DutyTreatment> DutyTreatments = new(StringComparer.Ordinal)
    {
        ["none"] = DutyTreatment.None,
        ["tariff"] = DutyTreatment.Tariff,
        ["flatPerCategory"] = DutyTreatment.FlatPerCategory,
    };

    private static readonly Dictionary<string, bool> TaxTreatments = new(StringComparer.Ordinal)
    {
        ["none"] = false,
        ["charge"] = true,
    };

    private static readonly Dictionary<string, CollectionStage> Stages = new(StringComparer.Ordinal)
    {
        ["atSale"] = CollectionStage.AtSale,
        ["atImport"] = CollectionStage.AtImport,
    };

    private static readonly Dictionary<string, ShippingChannel> Channels = new(StringComparer.Ordinal)
    {
        ["courier"] = ShippingChannel.Courier,
        ["postal"] = ShippingChannel.Postal,
    };

    public static readonly Dictionary<string, ValueComponent> Components = new(StringComparer.Ordinal)
    {
        ["goods"] = ValueComponent.Goods,
        ["shipping"] = ValueComponent.Shipping,
        ["insurance"] = ValueComponent.Insurance,
        ["duty"] = ValueComponent.Duty,
    };

    public static ValuationRule Valuation(CustomsJsonEntry e)
    {
        e.AllowOnly([.. CustomsEntryParser.ProvenanceFields, "dutyBasis"]);
        return new ValuationRule(CustomsEntryParser.Provenance(e), e.Enum("dutyBasis", Valuations));
    }

    public static DutyRegime DutyRegime(CustomsJsonEntry e)
    {
        e.AllowOnly([.. BandFields, "treatment", "flatAmount"]);
        var treatment = e.Enum("treatment", DutyTreatments);
        var flat = e.OptionalDecimal("flatAmount");
        if ((treatment == DutyTreatment.FlatPerCategory) != flat is > 0m)
        {
            throw e.Fail("'flatAmount' (positive) is required with treatment 'flatPerCategory' and only then");
        }

        return new DutyRegime(CustomsEntryParser.Provenance(e), Ceiling(e), Conditions(e), treatment, flat, e.Enum("collection", Stages));
    }

    public static TaxRegime TaxRegime(CustomsJsonEntry e)
    {
        e.AllowOnly([.. BandFields, "treatment", "tax", "base", "rateFactor"]);
        var charged = e.Enum("treatment", TaxTreatments);
        var taxName = e.OptionalString("tax");
        var components = ComponentSet(e, "base");
        if (charged && (string.IsNullOrEmpty(taxName) || !components.Contains(ValueComponent.Goods)))
        {
            throw e.Fail("a charged tax needs 'tax' (the tax name) and a 'base' that includes goods");
        }

        if (!charged && (taxName is not null || components.Count > 0))
        {
            throw e.Fail("treatment 'none' takes neither 'tax' nor 'base'");
        }

        var factor = e.OptionalDecimal("rateFactor") ?? 1m;
        if (factor is <= 0m or > 1m)
        {
            throw e.Fail($"'rateFactor' {factor} must be above 0 and at most 1 (0.7 charges 70% of the statutory tax)");
        }

        return new TaxRegime(CustomsEntryParser.Provenance(e), Ceiling(e), Conditions(e), charged, taxName, components, factor, e.Enum("collection", Stages));
    }

    public static ValueCeiling Ceiling(CustomsJsonEntry e)
    {
        var amount = e.OptionalDecimal("maxValue");
        if (amount is null)
        {
            return e.Has("inclusive") ? throw e.Fail("'inclusive' only makes sense with 'maxValue'") : ValueCeiling.Unbounded;
        }

        if (amount < 0m || !e.Has("inclusive"))
        {
            throw e.Fail("'maxValue' must be non-negative and say with 'inclusive' whether the rule reads 'up to' (true) or 'below' (false)");
        }

        return new ValueCeiling(amount, e.Boolean("inclusive", true));
    }

    public static HashSet<ValueComponent> ComponentSet(CustomsJsonEntry e, string name) =>
        e.Strings(name).Select(text => Components.TryGetValue(text, out var c) ? c
            : throw e.Fail($"'{name}' must list some of {string.Join(", ", Components.Keys)}, found '{text}'")).ToHashSet();

    private static RegimeConditions Conditions(CustomsJsonEntry e) => new(
        e.Strings("channels").Select(text => Channels.TryGetValue(text, out var c) ? c
            : throw e.Fail($"'channels' must list courier or postal, found '{text}'")).ToHashSet(),
        CountrySet(e, "shipFrom"),
        CountrySet(e, "shipFromExcept"),
        CountrySet(e, "originsAnyOf"));

    private static HashSet<Geography.CountryCode> CountrySet(CustomsJsonEntry e, string name) =>
        e.Strings(name).Select(text => CustomsEntryParser.Country(e, text)).ToHashSet();
}
