using Checkout.Domain.Logistics;

namespace Checkout.Domain.Tests.Logistics;

public sealed class DangerousGoodsTests
{
    private static readonly LogisticsPlanner PostalOnly = TestCarriers.Planner(
        TestCarriers.File("Test Post", "CNY", TestCarriers.Service("Airmail", "passenger_or_postal")));

    private static readonly LogisticsPlanner PostalAndCargo = TestCarriers.Planner(
        TestCarriers.File("Test Post", "CNY", TestCarriers.Service("Airmail", "passenger_or_postal", price: 80m)),
        TestCarriers.File("Test Express", "CNY", TestCarriers.Service("Express", "cargo", 5000, price: 300m)));

    [Theory]
    [InlineData("UN3480")]
    [InlineData("UN3090")]
    public void Plan_CargoAircraftOnlyGoodsAndOnlyPostalRoutes_IsRefused(string unNumber)
    {
        var result = PostalOnly.Plan(Cart(unNumber), TestCarts.Day);

        var rejected = Assert.IsType<LogisticsRejected>(result);
        Assert.Equal(LogisticsCodes.DangerousGoodsRefused, rejected.Code);
        Assert.Contains(unNumber, rejected.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_StandaloneLithiumBatteriesWithACargoService_OffersOnlyTheCargoServiceFlagged()
    {
        var result = PostalAndCargo.Plan(Cart("UN3480"), TestCarts.Day);

        var available = Assert.IsType<ShippingAvailable>(result);
        var option = Assert.Single(available.Options);
        Assert.Equal("Express", option.Service);
        Assert.Equal(["dangerous_goods.UN3480"], option.Flags);
    }

    [Theory]
    [InlineData("UN3481")]
    [InlineData("un 3481")]
    public void Plan_BatteriesInEquipment_AllowedOnEveryRouteAndFlagged(string designation)
    {
        var result = PostalAndCargo.Plan(Cart(designation), TestCarts.Day);

        var available = Assert.IsType<ShippingAvailable>(result);
        Assert.Equal(2, available.Options.Count);
        Assert.All(available.Options, o => Assert.Equal(["dangerous_goods.UN3481"], o.Flags));
        Assert.Equal("Airmail", available.Chosen.Service);
    }

    [Fact]
    public void Plan_NoDangerousGoods_NoFlags()
    {
        var available = Assert.IsType<ShippingAvailable>(PostalAndCargo.Plan(TestCarts.To("FR", "69001"), TestCarts.Day));

        Assert.All(available.Options, o => Assert.Empty(o.Flags));
    }

    [Theory]
    [InlineData("UN1263")]
    [InlineData("lithium")]
    public void Plan_DangerousGoodsNotOnFile_AreRefused(string designation)
    {
        var rejected = Assert.IsType<LogisticsRejected>(PostalAndCargo.Plan(Cart(designation), TestCarts.Day));

        Assert.Equal(LogisticsCodes.DangerousGoodsRefused, rejected.Code);
    }

    [Fact]
    public void Plan_DangerousGoodsRefusedAndTooHeavy_ReportsTheDangerousGoods()
    {
        // 25 kg of UN3480: the postal service refuses the batteries, the express one (20 kg) the weight.
        var cart = TestCarts.To("FR", "69001", lines: TestCarts.Line(25_000, 40m, 30m, 20m, dangerousGoods: "UN3480"));

        var rejected = Assert.IsType<LogisticsRejected>(PostalAndCargo.Plan(cart, TestCarts.Day));

        Assert.Equal(LogisticsCodes.DangerousGoodsRefused, rejected.Code);
        Assert.Equal(
            [LogisticsCodes.DangerousGoodsRefused, LogisticsCodes.ParcelTooHeavy],
            rejected.Exclusions.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    private static Checkout.Domain.Carts.Cart Cart(string dangerousGoods) =>
        TestCarts.To("FR", "69001", lines: TestCarts.Line(800, 20m, 15m, 8m, dangerousGoods: dangerousGoods));
}
