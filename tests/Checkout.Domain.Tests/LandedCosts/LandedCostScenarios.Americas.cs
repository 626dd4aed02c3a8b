namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>US and Canada scenarios. Duty base FOB: the goods alone, never shipping or insurance.</summary>
internal static partial class LandedCostScenarios
{
    private static IEnumerable<LandedCostScenario> Americas() => UnitedStates().Concat(Canada());

    private static IEnumerable<LandedCostScenario> UnitedStates()
    {
        // Day before the suspension: USD 100 ≤ 800 and origin DE (not CN/HK) → de minimis, no duty; the US has no
        // import VAT. Total 100.00 + 15.00 = 115.00.
        yield return Scenario("US 2025-08-28 USD 100 from DE: de minimis USD 800 still applies, no duty")
            .To("US").From("DE").Presenting("USD").On("2025-08-28")
            .Line("TEE", "T-shirt", "610910", "DE", 100.00m, "USD").Shipping(15.00m, "USD")
            .Expect(100.00m, 15.00m, 0m, 0m, 0m, 115.00m, 115.00m, false, "us.duty.de-minimis-800");

        // Before the suspension, exactly USD 800.00 is "not exceeding $800" → no duty. Total 815.00.
        yield return Scenario("US 2025-08-28 USD 800.00 exactly: within de minimis")
            .To("US").From("DE").Presenting("USD").On("2025-08-28")
            .Line("COAT", "Knitted coat", "610120", "DE", 800.00m, "USD").Shipping(15.00m, "USD")
            .Expect(800.00m, 15.00m, 0m, 0m, 0m, 815.00m, 815.00m, false, "us.duty.de-minimis-800");

        // USD 800.01 > 800 → duty ch61 16% × FOB 800.01 = 128.0016 → 128.00. Total 800.01 + 15 + 128 = 943.01.
        yield return Scenario("US 2025-08-28 USD 800.01: over de minimis, duty 16% on FOB")
            .To("US").From("DE").Presenting("USD").On("2025-08-28")
            .Line("COAT", "Knitted coat", "610120", "DE", 800.01m, "USD").Shipping(15.00m, "USD")
            .Expect(800.01m, 15.00m, 128.00m, 0m, 0m, 943.01m, 943.01m, false, "us.duty-rate.ch61");

        // From 2025-08-29 every shipment owes duty: ch61 16% × FOB 100.00 = 16.00 (shipping not dutiable).
        // Total 100 + 15 + 16 = 131.00.
        yield return Scenario("US 2025-08-29 same cart: de minimis suspended, duty 16% on FOB")
            .To("US").From("DE").Presenting("USD").On("2025-08-29")
            .Line("TEE", "T-shirt", "610910", "DE", 100.00m, "USD").Shipping(15.00m, "USD")
            .Expect(100.00m, 15.00m, 16.00m, 0m, 0m, 131.00m, 131.00m, false, "us.duty-rate.ch61");

        // Day before China lost de minimis: CN-origin bag USD 50 ≤ 800 → no duty. Total 50 + 8 = 58.00.
        yield return Scenario("US 2025-05-01 CN-origin USD 50: de minimis still applies")
            .To("US").From("CN").Presenting("USD").On("2025-05-01")
            .Line("BAG", "Handbag", "420222", "CN", 50.00m, "USD").Shipping(8.00m, "USD")
            .Expect(50.00m, 8.00m, 0m, 0m, 0m, 58.00m, 58.00m, false, "us.duty.de-minimis-800");

        // From 2025-05-02 CN/HK origin owes duty: ch42 8% × 50.00 = 4.00. Total 62.00.
        yield return Scenario("US 2025-05-02 CN-origin USD 50: China lost de minimis first, duty 8%")
            .To("US").From("CN").Presenting("USD").On("2025-05-02")
            .Line("BAG", "Handbag", "420222", "CN", 50.00m, "USD").Shipping(8.00m, "USD")
            .Expect(50.00m, 8.00m, 4.00m, 0m, 0m, 62.00m, 62.00m, false, "us.duty-rate.ch42");

        // 2026-03-01, inside the Section 122 window: ch64 10% × FOB 80.00 = 8.00 plus surcharge 10% × 80.00 = 8.00 →
        // duty 16.00, paid on delivery (DAP). Total 80 + 20 + 16 = 116.00; at checkout 100.00.
        yield return Scenario("US 2026-03-01 DAP: tariff plus Section 122 surcharge, estimated, paid on delivery")
            .To("US").From("VN").Presenting("USD").On("2026-03-01").Dap()
            .Line("SHOE", "Trainers", "640411", "VN", 40.00m, "USD", quantity: 2).Shipping(20.00m, "USD")
            .Expect(80.00m, 20.00m, 16.00m, 0m, 0m, 116.00m, 100.00m, true, "us.duty-rate.ch64", "us.surcharge.section-122");

        // Mixed EUR and GBP lines presented in USD at client rates EUR 1.27, GBP 1.60: 50 × 1.27 = 63.50;
        // 40 × 1.60 = 64.00; shipping EUR 12 × 1.27 = 15.24. FOB duty: ch61 16% × 63.50 = 10.16; ch85 2% × 64.00 =
        // 1.28 → 11.44. Total 63.50 + 64.00 + 15.24 + 11.44 = 154.18.
        yield return Scenario("US 2025-09-15 mixed EUR and GBP lines in USD: FOB duty per line, shipping not dutiable")
            .To("US").From("DE").Presenting("USD").On("2025-09-15").ClientRate("EUR", 1.27m).ClientRate("GBP", 1.60m)
            .Line("JUMPER", "Knitted jumper", "611020", "PT", 50.00m, "EUR")
            .Line("HEAD", "Headphones", "851830", "GB", 40.00m, "GBP")
            .Shipping(12.00m, "EUR")
            .Expect(127.50m, 15.24m, 11.44m, 0m, 0m, 154.18m, 154.18m, false, "us.duty-rate.ch61", "us.duty-rate.ch85");

    }

    private static IEnumerable<LandedCostScenario> Canada()
    {
        // Courier shipped from the US, CAD 40.00 ≤ 40 → free of duty and tax. Total 40 + 10 = 50.00. DAP, but nothing
        // is owed on delivery, so it is not an estimate.
        yield return Scenario("CA courier from US CAD 40.00 DAP: free of duty and tax, nothing owed on delivery")
            .To("CA").From("US").Presenting("CAD").Dap()
            .Line("TEE", "T-shirt", "610910", "CN", 40.00m, "CAD").Shipping(10.00m, "CAD")
            .Expect(40.00m, 10.00m, 0m, 0m, 0m, 50.00m, 50.00m, false, "ca.duty.cusma-courier-150", "ca.gst.cusma-courier-40");

        // CAD 40.01 DAP: GST 5% × 40.01 = 2.0005 → 2.00 owed on delivery; at checkout 50.01; an estimate.
        yield return Scenario("CA courier from US CAD 40.01 DAP: GST owed on delivery, an estimate")
            .To("CA").From("US").Presenting("CAD").Dap()
            .Line("TEE", "T-shirt", "610910", "CN", 40.01m, "CAD").Shipping(10.00m, "CAD")
            .Expect(40.01m, 10.00m, 0m, 2.00m, 0m, 52.01m, 50.01m, true, "ca.duty.cusma-courier-150", "ca.gst.federal");

        // CAD 40.01 > 40 but ≤ 150 → duty-free, GST 5% × (FOB 40.01 + duty 0) = 2.0005 → 2.00. Total 52.01.
        yield return Scenario("CA courier from US CAD 40.01: duty-free, GST 5% applies")
            .To("CA").From("US").Presenting("CAD")
            .Line("TEE", "T-shirt", "610910", "CN", 40.01m, "CAD").Shipping(10.00m, "CAD")
            .Expect(40.01m, 10.00m, 0m, 2.00m, 0m, 52.01m, 52.01m, false, "ca.duty.cusma-courier-150", "ca.gst.federal");

        // CAD 150.00 ≤ 150 → still duty-free; GST 5% × 150.00 = 7.50. Total 167.50.
        yield return Scenario("CA courier from US CAD 150.00: duty-free, GST only")
            .To("CA").From("US").Presenting("CAD")
            .Line("TEE", "T-shirt", "610910", "CN", 150.00m, "CAD").Shipping(10.00m, "CAD")
            .Expect(150.00m, 10.00m, 0m, 7.50m, 0m, 167.50m, 167.50m, false, "ca.duty.cusma-courier-150", "ca.gst.federal");

        // CAD 150.01 > 150 → duty ch61 18% × FOB 150.01 = 27.0018 → 27.00; GST 5% × (150.01 + 27.00 = 177.01) =
        // 8.8505 → 8.85. Total 150.01 + 10 + 27.00 + 8.85 = 195.86.
        yield return Scenario("CA courier from US CAD 150.01: duty 18% on FOB and GST on FOB + duty")
            .To("CA").From("US").Presenting("CAD")
            .Line("TEE", "T-shirt", "610910", "CN", 150.01m, "CAD").Shipping(10.00m, "CAD")
            .Expect(150.01m, 10.00m, 27.00m, 8.85m, 0m, 195.86m, 195.86m, false, "ca.duty-rate.ch61", "ca.gst.federal");

        // By mail even from the US only CAD 20 is free: CAD 20.00 → nothing. Total 30.00.
        yield return Scenario("CA mail from US CAD 20.00: free of duty and tax")
            .To("CA").From("US").Presenting("CAD").ByPost()
            .Line("TEE", "T-shirt", "610910", "CN", 20.00m, "CAD").Shipping(10.00m, "CAD")
            .Expect(20.00m, 10.00m, 0m, 0m, 0m, 30.00m, 30.00m, false, "ca.duty.mail-20", "ca.gst.mail-20");

        // Mail CAD 20.01 > 20: duty 18% × 20.01 = 3.6018 → 3.60; GST 5% × (20.01 + 3.60 = 23.61) = 1.1805 → 1.18.
        // Total 20.01 + 10 + 3.60 + 1.18 = 34.79.
        yield return Scenario("CA mail from US CAD 20.01: duty and GST apply")
            .To("CA").From("US").Presenting("CAD").ByPost()
            .Line("TEE", "T-shirt", "610910", "CN", 20.01m, "CAD").Shipping(10.00m, "CAD")
            .Expect(20.01m, 10.00m, 3.60m, 1.18m, 0m, 34.79m, 34.79m, false, "ca.duty-rate.ch61", "ca.gst.federal");

        // Courier shipped from GB (not US/MX), US-origin goods: CAD 20.01 > 20 → duty and tax; the place of direct
        // shipment decides, not origin. Same arithmetic as the mail case: 3.60 + 1.18. Total 34.79.
        yield return Scenario("CA courier from GB of US-origin goods CAD 20.01: shipment place decides, duty and GST")
            .To("CA").From("GB").Presenting("CAD")
            .Line("TEE", "T-shirt", "610910", "US", 20.01m, "CAD").Shipping(10.00m, "CAD")
            .Expect(20.01m, 10.00m, 3.60m, 1.18m, 0m, 34.79m, 34.79m, false, "ca.duty-rate.ch61", "ca.gst.federal");
    }
}
