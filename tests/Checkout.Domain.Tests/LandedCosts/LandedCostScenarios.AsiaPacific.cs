using Checkout.Domain.Customs;

namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>Australia, China CBEC, Hong Kong, Macau, Pakistan and Singapore scenarios.</summary>
internal static partial class LandedCostScenarios
{
    private static IEnumerable<LandedCostScenario> AsiaPacific() =>
        Australia().Concat(China()).Concat(FreePorts()).Concat(Pakistan()).Concat(Singapore());

    private static IEnumerable<LandedCostScenario> Australia()
    {
        // AUD 1,000.00 ≤ 1,000 → no duty; GST 10% at sale × (1,000.00 + 20.00) = 102.00. Total 1,122.00.
        yield return Scenario("AU AUD 1,000.00 exactly: no duty, GST 10% at sale")
            .To("AU").Presenting("AUD")
            .Line("PHONE", "Mobile phone", "851713", "CN", 1000.00m, "AUD").Shipping(20.00m, "AUD")
            .Expect(1000.00m, 20.00m, 0m, 102.00m, 0m, 1122.00m, 1122.00m, false, "au.duty.threshold-1000", "au.gst.standard");

        // AUD 1,000.01 > 1,000 → duty 5% on FOB (goods only) = 50.0005 → 50.00; GST 10% of VoTI
        // (1,000.01 + 20.00 + 5.00 insurance + 50.00 = 1,075.01) = 107.501 → 107.50. Total 1,182.51.
        yield return Scenario("AU AUD 1,000.01 with insurance: duty 5% on FOB, GST on VoTI")
            .To("AU").Presenting("AUD")
            .Line("SHOE", "Trainers", "640411", "VN", 1000.01m, "AUD").Shipping(20.00m, "AUD").Insurance(5.00m, "AUD")
            .Expect(1000.01m, 20.00m, 50.00m, 107.50m, 0m, 1182.51m, 1182.51m, false, "au.duty-rate.default", "au.gst.standard");

        // Reference worked example, DAP: customs value 1,200, duty 5% = 60, T&I 150, VoTI 1,410, GST 141.
        // Total 1,200 + 150 + 60 + 141 = 1,551.00; 201.00 on delivery, 1,350.00 at checkout.
        yield return Scenario("AU reference example DAP: Cval 1,200, duty 60, T&I 150, GST 141 on delivery")
            .To("AU").Presenting("AUD").Dap()
            .Line("SHOE", "Trainers", "640411", "VN", 1200.00m, "AUD").Shipping(150.00m, "AUD")
            .Expect(1200.00m, 150.00m, 60.00m, 141.00m, 0m, 1551.00m, 1350.00m, true, "au.duty-rate.default", "au.gst.standard");
    }

    private static IEnumerable<LandedCostScenario> China()
    {
        // CBEC value is the transaction price: 4,950.00 + 50.00 = 5,000.00 ≤ 5,000. Duty 0%; VAT 13% × 70% = 9.1% ×
        // 5,000.00 = 455.00. Total 5,455.00.
        yield return Scenario("CN CBEC CNY 5,000.00 exactly: 0 duty, VAT at 70% (9.1%)")
            .To("CN").From("HK").Presenting("CNY").YearToDate(0m, "CNY")
            .Line("PHONE", "Mobile phone", "851713", "US", 4950.00m, "CNY").Shipping(50.00m, "CNY")
            .Expect(4950.00m, 50.00m, 0m, 455.00m, 0m, 5455.00m, 5455.00m, false, "cn.duty.cbec-zero", "cn.vat.13");

        // Two items, 4,950.00 + 50.01 = 5,000.01 > 5,000 and not a single item → refused.
        yield return Scenario("CN CBEC two items CNY 5,000.01: over the per-order limit, refused")
            .To("CN").From("HK").Presenting("CNY").YearToDate(0m, "CNY")
            .Line("PHONE", "Mobile phone", "851713", "US", 2475.00m, "CNY", quantity: 2).Shipping(50.01m, "CNY")
            .Rejected(CustomsCodes.OrderLimitExceeded);

        // One watch, 4,950.01 + 50.00 = 5,000.01 > 5,000: allowed as a single item at full rates. Duty ch91 8% × CIF
        // 5,000.01 = 400.0008 → 400.00; VAT 13% × (5,000.01 + 400.00 = 5,400.01) = 702.0013 → 702.00.
        // Total 4,950.01 + 50 + 400 + 702 = 6,102.01.
        yield return Scenario("CN CBEC single item CNY 5,000.01: allowed at full duty and VAT")
            .To("CN").From("HK").Presenting("CNY").YearToDate(0m, "CNY")
            .Line("WATCH", "Wrist watch", "910211", "CH", 4950.01m, "CNY").Shipping(50.00m, "CNY")
            .Expect(4950.01m, 50.00m, 400.00m, 702.00m, 0m, 6102.01m, 6102.01m, false, "cn.duty-rate.ch91", "cn.vat.13");

        // Consumption tax 15%: CT = 1,000 × 0.15 / 0.85 × 70% = 123.529… → 123.53; statutory CT 176.470… → 176.47
        // enters the VAT base: 9.1% × (1,000.00 + 176.47 = 1,176.47) = 107.058… → 107.06. Tax 230.59 ≈ 23.06%.
        // Total 1,230.59.
        yield return Scenario("CN CBEC cosmetics: consumption tax 15% and VAT at 70%, comprehensive 23.06%")
            .To("CN").From("KR").Presenting("CNY").YearToDate(0m, "CNY")
            .Line("CREAM", "Face cream", "330499", "KR", 1000.00m, "CNY").Shipping(0m, "CNY")
            .Expect(1000.00m, 0m, 0m, 230.59m, 0m, 1230.59m, 1230.59m, false, "cn.duty.cbec-zero", "cn.consumption-tax.cosmetics", "cn.vat.13");

        // Presented in USD: USD 781.25 × 6.40 = CNY 5,000.00; year to date 21,000.00 + 5,000.00 = 26,000.00 ≤ 26,000.
        // VAT 9.1% × USD 781.25 = 71.09375 → 71.09. Total 852.34.
        yield return Scenario("CN CBEC annual limit reached exactly (CNY 26,000.00): allowed, priced in USD")
            .To("CN").From("US").Presenting("USD").YearToDate(21000.00m, "CNY")
            .Line("PHONE", "Mobile phone", "851713", "US", 781.25m, "USD").Shipping(0m, "USD")
            .Expect(781.25m, 0m, 0m, 71.09m, 0m, 852.34m, 852.34m, false, "cn.duty.cbec-zero", "cn.vat.13");

        // 21,000.01 + 5,000.00 = 26,000.01 > 26,000 → refused.
        yield return Scenario("CN CBEC annual limit exceeded by CNY 0.01: refused")
            .To("CN").From("US").Presenting("USD").YearToDate(21000.01m, "CNY")
            .Line("PHONE", "Mobile phone", "851713", "US", 781.25m, "USD").Shipping(0m, "USD")
            .Rejected(CustomsCodes.AnnualLimitExceeded);
    }

    private static IEnumerable<LandedCostScenario> FreePorts()
    {
        // Free port: no duty, no tax; the watch is flagged as restricted but not blocked. Total 10,000 + 100 = 10,100.00.
        yield return Scenario("HK free port HKD 10,000 watch: no duty, no tax")
            .To("HK").From("CH").Presenting("HKD")
            .Line("WATCH", "Wrist watch", "910211", "CH", 10000.00m, "HKD").Shipping(100.00m, "HKD")
            .Expect(10000.00m, 100.00m, 0m, 0m, 0m, 10100.00m, 10100.00m, false, "hk.duty.free-port", "hk.tax.none");

        yield return Scenario("HK spirits: excise goods refused")
            .To("HK").From("GB").Presenting("HKD")
            .Line("WHISKY", "Single malt whisky", "220830", "GB", 800.00m, "HKD").Shipping(100.00m, "HKD")
            .Rejected(CustomsCodes.ExciseGoodsNotSupported);

        // Presented in HKD at client rate USD→HKD 7.80: 200 × 7.80 = 1,560.00; shipping 20 × 7.80 = 156.00. Free port.
        // Total 1,716.00.
        yield return Scenario("MO free port, USD prices presented in HKD: no duty, no tax")
            .To("MO").From("US").Presenting("HKD").ClientRate("USD", 7.80m)
            .Line("TEE", "T-shirt", "610910", "US", 200.00m, "USD").Shipping(20.00m, "USD")
            .Expect(1560.00m, 156.00m, 0m, 0m, 0m, 1716.00m, 1716.00m, false, "mo.duty.free-port", "mo.tax.none");

        yield return Scenario("MO wine: consumption-taxed goods refused")
            .To("MO").From("FR").Presenting("MOP")
            .Line("WINE", "Red wine", "220421", "FR", 300.00m, "MOP").Shipping(50.00m, "MOP")
            .Rejected(CustomsCodes.ExciseGoodsNotSupported);
    }

    private static IEnumerable<LandedCostScenario> Pakistan()
    {
        // Rs 1,000.00 ≤ 1,000 → no duty or tax; the 5% digital presence proceeds tax (5% × 1,000 = 50.00) is
        // collected by the buyer's bank, not the checkout. Total 1,550.00; at checkout 1,500.00.
        yield return Scenario("PK Rs 1,000.00 exactly: no duty or tax; 5% DPPT by the buyer's bank")
            .To("PK").From("AE").Presenting("PKR")
            .Line("TEE", "T-shirt", "610910", "CN", 1000.00m, "PKR").Shipping(500.00m, "PKR")
            .Expect(1000.00m, 500.00m, 0m, 0m, 50.00m, 1550.00m, 1500.00m, true, "pk.duty.de-minimis-1000", "pk.sales-tax.de-minimis-1000", "pk.dppt");

        // Rs 1,000.01 > 1,000. CIF 1,500.01: customs duty 20% = 300.002 → 300.00; ACD 2% = 30.0002 → 30.00;
        // regulatory duty 10% = 150.001 → 150.00; duty 480.00. Sales tax 18% × (1,500.01 + 480.00 = 1,980.01) =
        // 356.4018 → 356.40. DPPT 5% × 1,000.01 = 50.0005 → 50.00. Total 1,000.01 + 500 + 480 + 356.40 + 50 =
        // 2,386.41; at checkout everything but the DPPT: 2,336.41.
        yield return Scenario("PK Rs 1,000.01 DDP: customs, additional and regulatory duty on CIF, sales tax on duty-paid value")
            .To("PK").From("AE").Presenting("PKR")
            .Line("TEE", "T-shirt", "610910", "CN", 1000.01m, "PKR").Shipping(500.00m, "PKR")
            .Expect(1000.01m, 500.00m, 480.00m, 356.40m, 50.00m, 2386.41m, 2336.41m, true,
                "pk.duty-rate.ch61", "pk.acd.default", "pk.rd.ch61", "pk.sales-tax.standard", "pk.dppt");

        // USD 10 × 256 = Rs 2,560 > 1,000. CIF USD 15.00: duty ch85 11% = 1.65; ACD 2% = 0.30 → 1.95. Sales tax 18% ×
        // (15.00 + 1.95 = 16.95) = 3.051 → 3.05. DPPT 5% × 10.00 = 0.50. Total 10 + 5 + 1.95 + 3.05 + 0.50 = 20.50;
        // DAP: at checkout only 15.00.
        yield return Scenario("PK DAP priced in USD: duty and sales tax on delivery, DPPT by the bank")
            .To("PK").From("US").Presenting("USD").Dap()
            .Line("HEAD", "Headphones", "851830", "CN", 10.00m, "USD").Shipping(5.00m, "USD")
            .Expect(10.00m, 5.00m, 1.95m, 3.05m, 0.50m, 20.50m, 15.00m, true,
                "pk.duty-rate.ch85", "pk.acd.default", "pk.sales-tax.standard", "pk.dppt");
    }

    private static IEnumerable<LandedCostScenario> Singapore()
    {
        // SGD 400.00 ≤ 400 → GST 9% at sale (OVR) × (400.00 + 20.00) = 37.80. Total 457.80.
        yield return Scenario("SG SGD 400.00 exactly: GST 9% at sale")
            .To("SG").Presenting("SGD")
            .Line("PHONE", "Mobile phone", "851713", "CN", 400.00m, "SGD").Shipping(20.00m, "SGD")
            .Expect(400.00m, 20.00m, 0m, 37.80m, 0m, 457.80m, 457.80m, false, "sg.duty.lvg-400", "sg.gst.9");

        // SGD 400.01 > 400 → import GST 9% × (CIF 420.01 + duty 0.00) = 37.8009 → 37.80, on delivery (DAP).
        // Total 457.81; at checkout 420.01.
        yield return Scenario("SG SGD 400.01 DAP: import GST on CIF, paid on delivery")
            .To("SG").Presenting("SGD").Dap()
            .Line("PHONE", "Mobile phone", "851713", "CN", 400.01m, "SGD").Shipping(20.00m, "SGD")
            .Expect(400.01m, 20.00m, 0m, 37.80m, 0m, 457.81m, 420.01m, true, "sg.duty-rate.default", "sg.gst.9");

        // Day before the GST rise: 8% × 420.00 = 33.60. Total 453.60.
        yield return Scenario("SG 2023-12-31 GST 8%")
            .To("SG").Presenting("SGD").On("2023-12-31")
            .Line("PHONE", "Mobile phone", "851713", "CN", 400.00m, "SGD").Shipping(20.00m, "SGD")
            .Expect(400.00m, 20.00m, 0m, 33.60m, 0m, 453.60m, 453.60m, false, "sg.duty.lvg-400", "sg.gst.8");

        // First day of 9%: 9% × 420.00 = 37.80. Total 457.80.
        yield return Scenario("SG 2024-01-01 GST 9%")
            .To("SG").Presenting("SGD").On("2024-01-01")
            .Line("PHONE", "Mobile phone", "851713", "CN", 400.00m, "SGD").Shipping(20.00m, "SGD")
            .Expect(400.00m, 20.00m, 0m, 37.80m, 0m, 457.80m, 457.80m, false, "sg.duty.lvg-400", "sg.gst.9");
    }
}
