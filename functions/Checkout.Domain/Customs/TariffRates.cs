using Checkout.Domain.Geography;

namespace Checkout.Domain.Customs;

/// <summary>A duty rate for the HS codes starting with <see cref="HsPrefix"/> ("" matches every code). The longest
/// prefix in force wins. <see cref="Component"/> separates stacked layers such as Pakistan's customs duty, additional
/// customs duty and regulatory duty, or a US surcharge on top of the tariff.</summary>
public sealed record DutyRate(RuleProvenance Rule, string HsPrefix, string Component, decimal Rate)
{
    /// <summary>The layer every tariff destination must define for every code (a catch-all entry with prefix "").</summary>
    public const string CustomsDuty = "customs-duty";
}

/// <summary>A tax rate (VAT, GST, sales tax) of one country, e.g. FR VAT 20%.</summary>
public sealed record TaxRate(RuleProvenance Rule, CountryCode Country, string TaxName, decimal Rate);

/// <summary>An excise-style tax charged on a tax-inclusive base before VAT, by HS prefix (China's consumption tax on
/// cosmetics): amount = base / (1 − rate) × rate, and VAT is then charged on base + this amount.</summary>
public sealed record ConsumptionTaxRate(RuleProvenance Rule, string HsPrefix, decimal Rate);
