namespace Checkout.Domain.Customs;

/// <summary>Checks that hold across the entries of one destination file: the things a single entry cannot know.</summary>
internal static class CustomsRuleValidator
{
    public static void Validate(DestinationRules rules, CustomsJsonEntry root)
    {
        if (rules.Countries.Count == 0 || rules.ThresholdBasis.Contains(ValueComponent.Duty))
        {
            throw root.Fail("'countries' must list at least one country and 'thresholdBasis' cannot include duty");
        }

        if (rules.Valuation.Count == 0 || rules.DutyRegimes.Count == 0)
        {
            throw root.Fail("a destination needs at least one 'valuation' and one 'dutyRegimes' entry");
        }

        NoOverlaps(root, "valuation", rules.Valuation.Select(v => (v.Rule, "valuation")));
        NoOverlaps(root, "taxRates", rules.TaxRates.Select(r => (r.Rule, $"{r.Country} {r.TaxName}")));
        NoOverlaps(root, "dutyRates", rules.DutyRates.Select(r => (r.Rule, $"{r.Component} '{r.HsPrefix}'")));
        NoOverlaps(root, "consumptionTaxRates", rules.ConsumptionTaxRates.Select(r => (r.Rule, $"'{r.HsPrefix}'")));
        TaxRatesBelongHere(rules, root);
        ChargedTaxesHaveRates(rules, root);
        TariffsHaveCatchAll(rules, root);
    }

    private static void NoOverlaps(CustomsJsonEntry root, string section, IEnumerable<(RuleProvenance Rule, string Key)> entries)
    {
        foreach (var group in entries.GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(e => e.Rule.Period.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var previousEnd = ordered[i - 1].Rule.Period.To;
                if (previousEnd is null || previousEnd > ordered[i].Rule.Period.From)
                {
                    throw Fail(root, section, ordered[i].Rule.Id, $"its period overlaps '{ordered[i - 1].Rule.Id}' for {group.Key}");
                }
            }
        }
    }

    private static void TaxRatesBelongHere(DestinationRules rules, CustomsJsonEntry root)
    {
        var stray = rules.TaxRates.FirstOrDefault(r => !rules.Countries.Contains(r.Country));
        if (stray is not null)
        {
            throw Fail(root, "taxRates", stray.Rule.Id, $"country {stray.Country} is not one of this file's 'countries'");
        }
    }

    private static void ChargedTaxesHaveRates(DestinationRules rules, CustomsJsonEntry root)
    {
        foreach (var regime in rules.TaxRegimes.Where(r => r.Charged))
        {
            var missing = rules.Countries.FirstOrDefault(c => !rules.TaxRates.Any(r => r.Country == c && r.TaxName == regime.TaxName));
            if (missing != default)
            {
                throw Fail(root, "taxRegimes", regime.Rule.Id, $"charges {regime.TaxName} but 'taxRates' has no {regime.TaxName} rate for {missing}");
            }
        }
    }

    private static void TariffsHaveCatchAll(DestinationRules rules, CustomsJsonEntry root)
    {
        var tariff = rules.DutyRegimes.FirstOrDefault(r => r.Treatment == DutyTreatment.Tariff);
        if (tariff is not null && !rules.DutyRates.Any(r => r.Component == DutyRate.CustomsDuty && r.HsPrefix.Length == 0))
        {
            throw Fail(root, "dutyRegimes", tariff.Rule.Id, "levies duty by tariff but 'dutyRates' has no catch-all customs-duty entry (hsPrefix \"\")");
        }
    }

    private static Checkout.Domain.ReferenceData.ReferenceDataException Fail(CustomsJsonEntry root, string section, string id, string reason) =>
        new(root.File, $"{section} '{id}'", reason);
}
