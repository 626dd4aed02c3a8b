namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>EU (FR 20%, DE 19%) and UK scenarios. Duty base CIF: goods + shipping + insurance. VAT base: CIF + duty.</summary>
internal static partial class LandedCostScenarios
{
    private static IEnumerable<LandedCostScenario> Europe() => EuropeanUnion().Concat(UnitedKingdom());

    private static IEnumerable<LandedCostScenario> EuropeanUnion()
    {
        // Intrinsic value 150.00 ≤ 150 → relief, no duty; IOSS VAT 20% × (150.00 + 10.00) = 32.00. Total 150 + 10 + 32 = 192.00.
        yield return Scenario("FR 2026-06-30 EUR 150.00 exactly: no duty, IOSS VAT 20% at sale")
            .To("FR").Presenting("EUR").On("2026-06-30")
            .Line("DRESS", "Cotton dress", "620442", "CN", 150.00m, "EUR").Shipping(10.00m, "EUR")
            .Expect(150.00m, 10.00m, 0m, 32.00m, 0m, 192.00m, 192.00m, false, "eu.duty.relief-150", "fr.vat.standard");

        // 150.01 > 150 → tariff. CIF 150.01 + 10.00 = 160.01; duty 12% (ch62) = 19.2012 → 19.20;
        // import VAT 20% × (160.01 + 19.20 = 179.21) = 35.842 → 35.84. Total 150.01 + 10 + 19.20 + 35.84 = 215.05.
        yield return Scenario("FR 2026-06-30 EUR 150.01: duty 12% on CIF and import VAT on CIF + duty, DDP")
            .To("FR").Presenting("EUR").On("2026-06-30")
            .Line("DRESS", "Cotton dress", "620442", "CN", 150.01m, "EUR").Shipping(10.00m, "EUR")
            .Expect(150.01m, 10.00m, 19.20m, 35.84m, 0m, 215.05m, 215.05m, false, "eu.duty-rate.ch62", "fr.vat.standard");

        // Reference example: 1 silk blouse (620610) + 2 wool blouses (620620) = 2 subheadings → 2 × EUR 3 = 6.00.
        // Goods 60.00 + 2 × 40.00 = 140.00 < 150. IOSS VAT 20% × (140.00 + 9.99 + 6.00 = 155.99) = 31.198 → 31.20.
        // Total 140.00 + 9.99 + 6.00 + 31.20 = 187.19.
        yield return Scenario("FR 2026-07-01 silk blouse + two wool blouses: EUR 3 per category = EUR 6")
            .To("FR").Presenting("EUR").On("2026-07-01")
            .Line("SILK", "Silk blouse", "620610", "CN", 60.00m, "EUR")
            .Line("WOOL", "Wool blouse", "620620", "CN", 40.00m, "EUR", quantity: 2)
            .Shipping(9.99m, "EUR")
            .Expect(140.00m, 9.99m, 6.00m, 31.20m, 0m, 187.19m, 187.19m, false, "eu.duty.flat-per-category", "fr.vat.standard");

        // 150.00 is not "less than 150" → no flat duty, tariff 12% on CIF 160.00 = 19.20; but ≤ 150 keeps IOSS VAT at
        // sale: 20% × (160.00 + 19.20 = 179.20) = 35.84. Total 150 + 10 + 19.20 + 35.84 = 215.04.
        yield return Scenario("FR 2026-07-01 EUR 150.00 exactly: flat duty is only below 150, so tariff duty; VAT still IOSS")
            .To("FR").Presenting("EUR").On("2026-07-01")
            .Line("DRESS", "Cotton dress", "620442", "CN", 150.00m, "EUR").Shipping(10.00m, "EUR")
            .Expect(150.00m, 10.00m, 19.20m, 35.84m, 0m, 215.04m, 215.04m, false, "eu.duty-rate.ch62", "fr.vat.standard");

        // Mid values: USD 100 × 0.80 = 80.00, GBP 60 × 1.25 = 75.00 → 155.00 > 150 → tariff. Quote at mid: same amounts.
        // Shipping GBP 12 × 1.25 = 15.00, split 80:75 by largest remainder: 7.74 (rem .419) and 7.25 (rem .806) + 0.01
        // leftover → 7.74 / 7.26. CIF per line 87.74 and 82.26. Duty ch61 12% × 87.74 = 10.5288 → 10.53;
        // ch64 8% × 82.26 = 6.5808 → 6.58; duty 17.11. VAT 20% × (155.00 + 15.00 + 17.11 = 187.11) = 37.422 → 37.42.
        // Total 155 + 15 + 17.11 + 37.42 = 224.53.
        yield return Scenario("FR mixed USD and GBP lines over EUR 150 at mid: CIF duty per line with shipping allocated")
            .To("FR").From("GB").Presenting("EUR").On("2026-03-01")
            .Line("TEE", "T-shirt", "610910", "US", 100.00m, "USD")
            .Line("SHOE", "Trainers", "640411", "VN", 60.00m, "GBP")
            .Shipping(12.00m, "GBP")
            .Expect(155.00m, 15.00m, 17.11m, 37.42m, 0m, 224.53m, 224.53m, false, "eu.duty-rate.ch61", "eu.duty-rate.ch64", "fr.vat.standard");

        // Day before the EUR 3 duty: 149.99 ≤ 150 → relief. IOSS VAT 19% × (149.99 + 5.00 = 154.99) = 29.4481 → 29.45.
        // Total 149.99 + 5 + 29.45 = 184.44.
        yield return Scenario("DE 2026-06-30 EUR 149.99: no duty yet, IOSS VAT 19%")
            .To("DE").Presenting("EUR").On("2026-06-30")
            .Line("SHOE", "Trainers", "640411", "VN", 149.99m, "EUR").Shipping(5.00m, "EUR")
            .Expect(149.99m, 5.00m, 0m, 29.45m, 0m, 184.44m, 184.44m, false, "eu.duty.relief-150", "de.vat.standard");

        // From 2026-07-01: 149.99 < 150 → one subheading → EUR 3.00, collected at sale with IOSS, so even under DAP
        // nothing is left for delivery. VAT 19% × (149.99 + 5.00 + 3.00 = 157.99) = 30.0181 → 30.02.
        // Total 149.99 + 5 + 3 + 30.02 = 188.01, all due at checkout.
        yield return Scenario("DE 2026-07-01 EUR 149.99 DAP: EUR 3 flat duty and VAT at sale, nothing on delivery")
            .To("DE").Presenting("EUR").On("2026-07-01").Dap()
            .Line("SHOE", "Trainers", "640411", "VN", 149.99m, "EUR").Shipping(5.00m, "EUR")
            .Expect(149.99m, 5.00m, 3.00m, 30.02m, 0m, 188.01m, 188.01m, false, "eu.duty.flat-per-category", "de.vat.standard");

        // 150.01 > 150, DAP. CIF 150.01 + 10.00 + insurance 2.00 = 162.01; duty ch85 2% = 3.2402 → 3.24;
        // import VAT 19% × (162.01 + 3.24 = 165.25) = 31.3975 → 31.40. Total 162.01 + 3.24 + 31.40 = 196.65;
        // at checkout only goods, shipping, insurance: 162.01; the rest on delivery (estimate).
        yield return Scenario("DE 2026-03-01 EUR 150.01 DAP with insurance: duty and import VAT on delivery")
            .To("DE").Presenting("EUR").On("2026-03-01").Dap()
            .Line("HEAD", "Headphones", "851830", "CN", 150.01m, "EUR").Shipping(10.00m, "EUR").Insurance(2.00m, "EUR")
            .Expect(150.01m, 10.00m, 3.24m, 31.40m, 0m, 196.65m, 162.01m, true, "eu.duty-rate.ch85", "de.vat.standard");

        // Three currencies. Intrinsic value at mid: USD 60 × 0.80 = 48.00; GBP 30 × 1.25 = 37.50; JPY 4000 × 0.00625 =
        // 25.00 → 110.50 ≤ 150 → relief. Client rates carry a spread: 60 × 0.81 = 48.60; 30 × 1.26 = 37.80;
        // 4000 × 0.0063 = 25.20 → goods 111.60; shipping USD 10 × 0.81 = 8.10.
        // IOSS VAT 19% × (111.60 + 8.10 = 119.70) = 22.743 → 22.74. Total 111.60 + 8.10 + 22.74 = 142.44.
        yield return Scenario("DE mixed USD, GBP and JPY lines: threshold at mid, amounts at the quote's client rates")
            .To("DE").From("US").Presenting("EUR").On("2026-03-01")
            .ClientRate("USD", 0.81m).ClientRate("GBP", 1.26m).ClientRate("JPY", 0.0063m)
            .Line("TEE", "T-shirt", "610910", "US", 60.00m, "USD")
            .Line("BAG", "Leather handbag", "420221", "GB", 30.00m, "GBP")
            .Line("TOY", "Wooden toy", "950300", "JP", 4000m, "JPY")
            .Shipping(10.00m, "USD")
            .Expect(111.60m, 8.10m, 0m, 22.74m, 0m, 142.44m, 142.44m, false, "eu.duty.relief-150", "de.vat.standard");

    }

    private static IEnumerable<LandedCostScenario> UnitedKingdom()
    {
        // Exactly GBP 135.00 ≤ 135 → no duty; VAT 20% at sale × (135.00 + 10.00) = 29.00. Total 174.00.
        yield return Scenario("GB GBP 135.00 exactly: no duty, VAT 20% at sale")
            .To("GB").Presenting("GBP")
            .Line("TEE", "T-shirt", "610910", "CN", 135.00m, "GBP").Shipping(10.00m, "GBP")
            .Expect(135.00m, 10.00m, 0m, 29.00m, 0m, 174.00m, 174.00m, false, "gb.duty.relief-135", "gb.vat.standard");

        // 135.01 > 135. CIF 145.01; duty ch61 12% = 17.4012 → 17.40; import VAT 20% × (145.01 + 17.40 = 162.41)
        // = 32.482 → 32.48. Total 135.01 + 10 + 17.40 + 32.48 = 194.89, all at checkout (DDP).
        yield return Scenario("GB GBP 135.01 DDP: duty 12% on CIF and import VAT, merchant pays, all-in price")
            .To("GB").Presenting("GBP")
            .Line("TEE", "T-shirt", "610910", "CN", 135.01m, "GBP").Shipping(10.00m, "GBP")
            .Expect(135.01m, 10.00m, 17.40m, 32.48m, 0m, 194.89m, 194.89m, false, "gb.duty-rate.ch61", "gb.vat.standard");

        // Same cart DAP: 17.40 + 32.48 = 49.88 on delivery; at checkout 135.01 + 10.00 = 145.01.
        yield return Scenario("GB GBP 135.01 DAP: duty and import VAT shown as an estimate, paid on delivery")
            .To("GB").Presenting("GBP").Dap()
            .Line("TEE", "T-shirt", "610910", "CN", 135.01m, "GBP").Shipping(10.00m, "GBP")
            .Expect(135.01m, 10.00m, 17.40m, 32.48m, 0m, 194.89m, 145.01m, true, "gb.duty-rate.ch61", "gb.vat.standard");

        // Presented in EUR: GBP 50 × 1.20 (client) = 60.00; shipping GBP 5 × 1.20 = 6.00. Value GBP 50 ≤ 135 → VAT at
        // sale even under DAP: 20% × 66.00 = 13.20. Total 79.20, all at checkout, not an estimate.
        yield return Scenario("GB under GBP 135 DAP presented in EUR: point-of-sale VAT is charged at checkout anyway")
            .To("GB").Presenting("EUR").Dap().ClientRate("GBP", 1.20m)
            .Line("HEAD", "Headphones", "851830", "CN", 50.00m, "GBP").Shipping(5.00m, "GBP")
            .Expect(60.00m, 6.00m, 0m, 13.20m, 0m, 79.20m, 79.20m, false, "gb.duty.relief-135", "gb.vat.standard");
    }
}
