using System.Text.Json.Nodes;
using Checkout.Domain.Carts;
using Checkout.Domain.Geography;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;
using Checkout.Domain.Sanctions;

namespace Checkout.Domain.Tests.Logistics;

/// <summary>What the planner refuses before it prices anything: sanctions, postal codes, coverage and dates.</summary>
public sealed class CoverageTests
{
    private static readonly LogisticsPlanner Planner = TestCarriers.Planner(TestCarriers.File(
        "Test Post", "CNY",
        TestCarriers.Service("Postal 2026", effectiveFrom: "2026-01-01", effectiveTo: "2027-01-01", price: 100m),
        TestCarriers.Service("Postal 2027", effectiveFrom: "2027-01-01", price: 110m)));

    [Fact]
    public void Plan_DestinationInNoZone_IsNotServed()
    {
        var rejected = Assert.IsType<LogisticsRejected>(Planner.Plan(TestCarts.To("DE", "10117"), TestCarts.Day));

        Assert.Equal(LogisticsCodes.DestinationNotServed, rejected.Code);
        Assert.Contains("CN to DE", rejected.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OriginNoServiceShipsFrom_IsNotServed()
    {
        var cart = TestCarts.To("FR", "69001") with { ShipFrom = new Address(new CountryCode("JP"), "154-0023") };

        var rejected = Assert.IsType<LogisticsRejected>(Planner.Plan(cart, TestCarts.Day));

        Assert.Equal(LogisticsCodes.DestinationNotServed, rejected.Code);
    }

    [Theory]
    [InlineData("2025-12-31", null)]
    [InlineData("2026-01-01", "Postal 2026")]
    [InlineData("2026-12-31", "Postal 2026")]
    [InlineData("2027-01-01", "Postal 2027")]
    public void Plan_Day_UsesTheServiceEntryInEffect(string day, string? service)
    {
        var result = Planner.Plan(TestCarts.To("FR", "69001"), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        if (service is null)
        {
            Assert.Equal(LogisticsCodes.DestinationNotServed, Assert.IsType<LogisticsRejected>(result).Code);
        }
        else
        {
            Assert.Equal(service, Assert.IsType<ShippingAvailable>(result).Chosen.Service);
        }
    }

    [Theory]
    [InlineData("6900")]
    [InlineData(null)]
    public void Plan_BadPostalCode_IsRejectedWithTheExpectedFormat(string? postalCode)
    {
        var rejected = Assert.IsType<LogisticsRejected>(Planner.Plan(TestCarts.To("FR", postalCode), TestCarts.Day));

        Assert.Equal(LogisticsCodes.InvalidPostalCode, rejected.Code);
        Assert.Contains("69001", rejected.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SanctionedCountry_IsRejectedBeforeAnythingElse()
    {
        // Cuba has no carrier and a malformed postal code here: the sanctions block still comes first.
        var rejected = Assert.IsType<LogisticsRejected>(Planner.Plan(TestCarts.To("CU", "x"), TestCarts.Day));

        Assert.Equal(SanctionsCodes.EmbargoedCountry, rejected.Code);
        Assert.Equal("ofac-cuba", rejected.Sanctions?.Rule.Id);
    }

    [Fact]
    public void Plan_SanctionedRegion_IsRejected()
    {
        var rejected = Assert.IsType<LogisticsRejected>(Planner.Plan(TestCarts.To("UA", "95000"), TestCarts.Day));

        Assert.Equal(SanctionsCodes.EmbargoedRegion, rejected.Code);
        Assert.NotNull(rejected.Sanctions);
    }

    [Fact]
    public void Plan_DomesticCart_IsNotServedEvenWhenTheOriginIsInAZone()
    {
        var service = TestCarriers.Service("Postal");
        service["zones"] = new JsonArray(TestCarriers.Zone("1", ["CN", "FR"], 5, 10, (20m, 100m)));
        var planner = TestCarriers.Planner(TestCarriers.File("Test Post", "CNY", service));
        var cart = TestCarts.To("CN", "100000");

        Assert.Equal(LogisticsCodes.DestinationNotServed, Assert.IsType<LogisticsRejected>(planner.Plan(cart, TestCarts.Day)).Code);
    }

    [Fact]
    public void Plan_CostIsRoundedToTheRateCardCurrencyMinorUnit()
    {
        var planner = TestCarriers.Planner(TestCarriers.File("Test Post", "CNY", TestCarriers.Service("Postal", price: 99.995m)));

        var option = Assert.IsType<ShippingAvailable>(planner.Plan(TestCarts.To("FR", "69001"), TestCarts.Day)).Chosen;

        Assert.Equal(new Money(100.00m, new CurrencyCode("CNY")), option.Cost);
    }
}
