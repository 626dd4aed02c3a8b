namespace Checkout.Domain.Customs;

/// <summary>A duty band: for consignments up to <see cref="Ceiling"/> (matching <see cref="When"/>), how duty is
/// levied. A destination's bands are tried in file order; the first that applies on the day wins.</summary>
/// <param name="FlatAmount">For <see cref="DutyTreatment.FlatPerCategory"/>: the amount per distinct tariff
/// subheading, in the destination's currency.</param>
public sealed record DutyRegime(
    RuleProvenance Rule,
    ValueCeiling Ceiling,
    RegimeConditions When,
    DutyTreatment Treatment,
    decimal? FlatAmount,
    CollectionStage Collection);

public enum DutyTreatment
{
    /// <summary>No duty: a de minimis relief or a free port.</summary>
    None,

    /// <summary>Duty by HS code from the destination's duty-rate table, on the customs value.</summary>
    Tariff,

    /// <summary>A fixed amount per distinct 6-digit tariff subheading in the parcel (the EU's interim EUR 3).</summary>
    FlatPerCategory,
}

/// <summary>A tax band (VAT, GST, sales tax): for consignments up to <see cref="Ceiling"/>, whether the named tax is
/// charged, on which base, and with which reduction (China CBEC charges 70% of the statutory amount).</summary>
/// <param name="TaxName">Matches <see cref="TaxRate.TaxName"/>; null when <see cref="Charged"/> is false.</param>
public sealed record TaxRegime(
    RuleProvenance Rule,
    ValueCeiling Ceiling,
    RegimeConditions When,
    bool Charged,
    string? TaxName,
    IReadOnlySet<ValueComponent> Base,
    decimal RateFactor,
    CollectionStage Collection);

/// <summary>Whether the destination values goods for duty FOB or CIF during <see cref="Rule"/>'s period.</summary>
public sealed record ValuationRule(RuleProvenance Rule, CustomsValuation DutyBasis)
{
    public IReadOnlySet<ValueComponent> Components => DutyBasis == CustomsValuation.Cif
        ? new HashSet<ValueComponent> { ValueComponent.Goods, ValueComponent.Shipping, ValueComponent.Insurance }
        : new HashSet<ValueComponent> { ValueComponent.Goods };
}
