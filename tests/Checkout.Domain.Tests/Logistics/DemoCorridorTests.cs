using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Logistics;

/// <summary>The corridors the product demos, from Shenzhen (CN 518000), over the shipped reference data.</summary>
public sealed class DemoCorridorTests
{
    private static readonly CurrencyCode Cny = new("CNY");

    public static TheoryData<string, string?> Corridors => new()
    {
        { "PK", "75500" }, // Karachi
        { "PK", "54000" }, // Lahore
        { "MO", null },
        { "FR", "69001" }, // Lyon
        { "AU", "2000" }, // Sydney
        { "US", "10001" },
        { "GB", "SW1A 1AA" },
        { "SG", "238880" },
        { "DE", "10117" },
        { "CA", "M5V 2T6" },
        { "HK", null },
    };

    [Theory]
    [MemberData(nameof(Corridors))]
    public void Plan_DemoCorridor_OffersPostalAndExpressOptions(string country, string? postalCode)
    {
        var result = LogisticsPlanner.Default.Plan(TestCarts.To(country, postalCode), TestCarts.Day, ToCny);

        var available = Assert.IsType<ShippingAvailable>(result);
        Assert.Contains(available.Options, o => o.Carrier == "China Post");
        Assert.Contains(available.Options, o => o.Carrier == "DHL Express");
        Assert.All(available.Options, o => Assert.True(o.Cost.Amount > 0m));
        Assert.All(available.Options, o => Assert.Contains(o.RateCardCurrency, LogisticsPlanner.Default.RateCardCurrencies(new("CN"))));
        Assert.Equal(available.Options.Min(o => ToCny(o.Cost).Amount), ToCny(available.Chosen.Cost).Amount);
    }

    [Theory]
    [MemberData(nameof(Corridors))]
    public void Plan_DemoCorridorFastest_ChoosesAnExpressCarrier(string country, string? postalCode)
    {
        var result = LogisticsPlanner.Default.Plan(TestCarts.To(country, postalCode, ShippingPreference.Fastest), TestCarts.Day, ToCny);

        var chosen = Assert.IsType<ShippingAvailable>(result).Chosen;
        Assert.Contains(chosen.Carrier, new[] { "DHL Express", "UPS" });
        Assert.Equal(ShippingChannel.Courier, chosen.Channel);
    }

    [Fact]
    public void Plan_SmallParcelToMacau_CheapestIsTheSmallPacket()
    {
        // 500 g, 20 × 15 × 5 cm: small packet zone 1 charges actual weight, 0.5 kg band = 30 CNY.
        var chosen = Assert.IsType<ShippingAvailable>(LogisticsPlanner.Default.Plan(TestCarts.To("MO", null), TestCarts.Day, ToCny)).Chosen;

        Assert.Equal(("China Post", "Registered Air Small Packet", ShippingChannel.Postal), (chosen.Carrier, chosen.Service, chosen.Channel));
        Assert.Equal(new Money(30m, Cny), chosen.Cost);
    }

    [Fact]
    public void Plan_StandaloneBatteriesToLyon_OnlyCargoCarriersAndFlagged()
    {
        var cart = TestCarts.To("FR", "69001", lines: TestCarts.Line(900, 15m, 10m, 5m, dangerousGoods: "UN3480"));

        var available = Assert.IsType<ShippingAvailable>(LogisticsPlanner.Default.Plan(cart, TestCarts.Day, ToCny));

        Assert.Equal(["DHL Express", "UPS"], available.Options.Select(o => o.Carrier).Order(StringComparer.Ordinal));
        Assert.All(available.Options, o => Assert.Contains("dangerous_goods.UN3480", o.Flags));
    }

    [Fact]
    public void Plan_HeavyParcelToKarachi_OnlyExpressTakesIt()
    {
        // 45 kg: over EMS (30 kg) and the economy line (20 kg); UPS takes 70 kg, DHL 300 kg.
        var cart = TestCarts.To("PK", "75500", lines: TestCarts.Line(45_000, 60m, 40m, 40m));

        var available = Assert.IsType<ShippingAvailable>(LogisticsPlanner.Default.Plan(cart, TestCarts.Day, ToCny));

        Assert.Equal(["DHL Express", "UPS"], available.Options.Select(o => o.Carrier).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_ParcelTooLongForPakistanEms_IsExcludedThereButNotToAustralia()
    {
        // 110 cm long: over EMS standard 2 (105 cm, Pakistan) but within standard 1 (150 cm, Australia).
        var lines = TestCarts.Line(3_000, 110m, 20m, 10m);

        var toKarachi = Assert.IsType<ShippingAvailable>(LogisticsPlanner.Default.Plan(TestCarts.To("PK", "75500", lines: lines), TestCarts.Day, ToCny));
        var toSydney = Assert.IsType<ShippingAvailable>(LogisticsPlanner.Default.Plan(TestCarts.To("AU", "2000", lines: lines), TestCarts.Day, ToCny));

        Assert.DoesNotContain(toKarachi.Options, o => o.Service == "EMS");
        Assert.Contains(toSydney.Options, o => o.Service == "EMS");
    }

    [Fact]
    public void Plan_Antarctica_IsNotServed()
    {
        var rejected = Assert.IsType<LogisticsRejected>(LogisticsPlanner.Default.Plan(TestCarts.To("AQ", null), TestCarts.Day, ToCny));

        Assert.Equal(LogisticsCodes.DestinationNotServed, rejected.Code);
    }

    // Illustrative rate for ranking only; the workflow passes the locked FX quote.
    private static Money ToCny(Money money) => money.Currency == Cny ? money : new Money(money.Amount * 7.1m, Cny);
}
