using Checkout.Domain.Carts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Logistics;

public sealed class ShippingChoiceTests
{
    // Same currency, so no converter is needed. Postal and Economy cost the same; Express and Courier take as long.
    private static readonly LogisticsPlanner Planner = TestCarriers.Planner(
        TestCarriers.File(
            "Test Post", "CNY",
            TestCarriers.Service("Postal", price: 100m, transitMin: 10, transitMax: 20),
            TestCarriers.Service("Economy", price: 100m, transitMin: 7, transitMax: 12)),
        TestCarriers.File(
            "Test Express", "CNY",
            TestCarriers.Service("Express", "cargo", 5000, price: 300m, transitMin: 2, transitMax: 4),
            TestCarriers.Service("Courier", "cargo", 5000, price: 280m, transitMin: 3, transitMax: 4)));

    [Theory]
    [InlineData(ShippingPreference.Cheapest, "Economy", new[] { "Economy", "Postal", "Courier", "Express" })]
    [InlineData(ShippingPreference.Fastest, "Courier", new[] { "Courier", "Express", "Economy", "Postal" })]
    public void Plan_Preference_ChoosesAndOrdersWithTieBreaks(ShippingPreference preference, string chosen, string[] order)
    {
        // Cheapest: Economy and Postal tie at 100 CNY, Economy is faster (12 < 20 days).
        // Fastest: Courier and Express tie at 4 days, Courier is cheaper (280 < 300 CNY).
        var result = Planner.Plan(TestCarts.To("FR", "69001", preference), TestCarts.Day);

        var available = Assert.IsType<ShippingAvailable>(result);
        Assert.Equal(chosen, available.Chosen.Service);
        Assert.Equal(order, available.Options.Select(o => o.Service));
    }

    [Fact]
    public void Plan_SameInputTwice_SameAnswer()
    {
        var cart = TestCarts.To("FR", "69001");

        var first = Assert.IsType<ShippingAvailable>(Planner.Plan(cart, TestCarts.Day));
        var second = Assert.IsType<ShippingAvailable>(Planner.Plan(cart, TestCarts.Day));

        Assert.Equal(first.Options.Select(o => (o.Carrier, o.Service, o.Cost)), second.Options.Select(o => (o.Carrier, o.Service, o.Cost)));
    }

    [Fact]
    public void Plan_OptionsInSeveralCurrenciesWithoutConverter_Throws()
    {
        var planner = TestCarriers.Planner(
            TestCarriers.File("Test Post", "CNY", TestCarriers.Service("Postal", price: 100m)),
            TestCarriers.File("Test Express", "USD", TestCarriers.Service("Express", "cargo", 5000, price: 20m)));

        var error = Assert.Throws<InvalidOperationException>(() => planner.Plan(TestCarts.To("FR", "69001"), TestCarts.Day));
        Assert.Contains("CNY, USD", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4.0, "Express")]
    [InlineData(6.0, "Postal")]
    public void Plan_OptionsInSeveralCurrencies_RanksByConvertedCostButReportsRateCardCost(double cnyPerUsd, string cheapest)
    {
        // 20 USD at 4 CNY/USD = 80 CNY, cheaper than 100 CNY; at 6 CNY/USD = 120 CNY, dearer.
        var planner = TestCarriers.Planner(
            TestCarriers.File("Test Post", "CNY", TestCarriers.Service("Postal", price: 100m)),
            TestCarriers.File("Test Express", "USD", TestCarriers.Service("Express", "cargo", 5000, price: 20m)));
        var cny = new CurrencyCode("CNY");

        var result = planner.Plan(
            TestCarts.To("FR", "69001"), TestCarts.Day, m => m.Currency == cny ? m : new Money(m.Amount * (decimal)cnyPerUsd, cny));

        var available = Assert.IsType<ShippingAvailable>(result);
        Assert.Equal(cheapest, available.Chosen.Service);
        var express = available.Options.Single(o => o.Service == "Express");
        Assert.Equal(new Money(20m, new CurrencyCode("USD")), express.Cost);
        Assert.Equal("USD", express.RateCardCurrency.Value);
    }

    [Fact]
    public void Plan_Option_CarriesTransitDaysAndChargeableWeight()
    {
        var available = Assert.IsType<ShippingAvailable>(Planner.Plan(TestCarts.To("FR", "69001"), TestCarts.Day));

        var express = available.Options.Single(o => o.Service == "Express");
        Assert.Equal((2, 4), (express.TransitDaysMin, express.TransitDaysMax));
        Assert.Equal(0.5m, express.ChargeableWeightKg);
        Assert.Equal(new Money(300m, new CurrencyCode("CNY")), express.Cost);
    }
}
