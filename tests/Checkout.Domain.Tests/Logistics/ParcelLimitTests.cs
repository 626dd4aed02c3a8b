using Checkout.Domain.Logistics;

namespace Checkout.Domain.Tests.Logistics;

/// <summary>Limits are inclusive: exactly at the maximum ships, one unit (1 g, 1 cm) over is refused.</summary>
public sealed class ParcelLimitTests
{
    // 20 kg, longest side 100 cm, length + girth 200 cm; rate card to 20 kg.
    private static readonly LogisticsPlanner Girth = TestCarriers.Planner(TestCarriers.File(
        "Test Post", "CNY", TestCarriers.Service("Parcel", maxWeightKg: 20m, maxLengthCm: 100m, maxLengthPlusGirthCm: 200m)));

    // UPU small packet: 2 kg, longest side 60 cm, length + width + height 90 cm; charged on actual weight only.
    private static readonly LogisticsPlanner SmallPacket = TestCarriers.Planner(TestCarriers.File(
        "Test Post", "CNY", TestCarriers.Service("Small Packet", divisor: null, maxWeightKg: 2m, maxLengthCm: 60m, maxSumOfSidesCm: 90m)));

    public static TheoryData<string, int, decimal, decimal, decimal, string?> GirthCases => new()
    {
        { "weight at the limit", 20_000, 10m, 10m, 10m, null },
        { "weight 1 g over", 20_001, 10m, 10m, 10m, LogisticsCodes.ParcelTooHeavy },
        { "length at the limit (100 + 2×20 + 2×20 = 180)", 1_000, 100m, 20m, 20m, null },
        { "length 1 cm over", 1_000, 101m, 20m, 20m, LogisticsCodes.ParcelTooLarge },
        { "length + girth at the limit (80 + 2×30 + 2×30 = 200)", 1_000, 80m, 30m, 30m, null },
        { "length + girth 1 cm over (81 + 60 + 60 = 201)", 1_000, 81m, 30m, 30m, LogisticsCodes.ParcelTooLarge },
    };

    public static TheoryData<string, int, decimal, decimal, decimal, string?> SmallPacketCases => new()
    {
        { "weight at the limit", 2_000, 20m, 15m, 5m, null },
        { "weight 1 g over", 2_001, 20m, 15m, 5m, LogisticsCodes.ParcelTooHeavy },
        { "sum of sides at the limit (40 + 30 + 20 = 90)", 500, 40m, 30m, 20m, null },
        { "sum of sides 1 cm over (40 + 30 + 21 = 91)", 500, 40m, 30m, 21m, LogisticsCodes.ParcelTooLarge },
        { "longest side at the limit (60 + 20 + 10 = 90)", 500, 60m, 20m, 10m, null },
        { "longest side 1 cm over", 500, 61m, 10m, 10m, LogisticsCodes.ParcelTooLarge },
    };

    [Theory]
    [MemberData(nameof(GirthCases))]
    public void Plan_LengthPlusGirthService_AcceptsAtTheLimitAndRefusesOver(
        string scenario, int grams, decimal length, decimal width, decimal height, string? refusal) =>
        AssertOutcome(Girth, scenario, grams, length, width, height, refusal);

    [Theory]
    [MemberData(nameof(SmallPacketCases))]
    public void Plan_SmallPacketService_AcceptsAtTheLimitAndRefusesOver(
        string scenario, int grams, decimal length, decimal width, decimal height, string? refusal) =>
        AssertOutcome(SmallPacket, scenario, grams, length, width, height, refusal);

    [Fact]
    public void Plan_VolumetricWeightBeyondTheRateCard_IsTooLarge()
    {
        // 5 kg service, divisor 5,000: 100 × 50 × 10 = 50,000 cm³ = 10 kg volumetric, though it weighs 1 kg.
        var planner = TestCarriers.Planner(TestCarriers.File(
            "Test Express", "CNY", TestCarriers.Service("Express", "cargo", 5000, maxWeightKg: 5m, maxLengthCm: 150m)));

        var result = planner.Plan(TestCarts.To("FR", "69001", lines: TestCarts.Line(1_000, 100m, 50m, 10m)), TestCarts.Day);

        var rejected = Assert.IsType<LogisticsRejected>(result);
        Assert.Equal(LogisticsCodes.ParcelTooLarge, rejected.Code);
        Assert.Contains("10.0 kg", rejected.Detail, StringComparison.Ordinal);
    }

    private static void AssertOutcome(
        LogisticsPlanner planner, string scenario, int grams, decimal length, decimal width, decimal height, string? refusal)
    {
        var result = planner.Plan(TestCarts.To("FR", "69001", lines: TestCarts.Line(grams, length, width, height)), TestCarts.Day);

        if (refusal is null)
        {
            Assert.True(result is ShippingAvailable, $"{scenario}: expected an option, got {result}");
        }
        else
        {
            var rejected = Assert.IsType<LogisticsRejected>(result);
            Assert.Equal(refusal, rejected.Code);
            Assert.Single(rejected.Exclusions);
        }
    }
}
