using Checkout.Domain.Logistics;

namespace Checkout.Domain.Tests.Logistics;

public sealed class ParcelPackingTests
{
    [Fact]
    public void Pack_OneLine_SumsWeightAndStacksUnitsOnTheirSmallestSide()
    {
        // 3 units of 20 × 15 × 5 cm, 400 g: stacked 3 × 5 = 15 cm high, so 20 × 15 × 15; 1.2 kg.
        var parcel = Parcel.Pack([TestCarts.Line(400, 20m, 15m, 5m, quantity: 3)]);

        Assert.Equal(new Parcel(1.2m, 20m, 15m, 15m), parcel);
    }

    [Fact]
    public void Pack_SidesGivenInAnyOrder_LaysEachUnitFlat()
    {
        // 5 × 20 × 15 is the same unit as 20 × 15 × 5.
        Assert.Equal(Parcel.Pack([TestCarts.Line(400, 20m, 15m, 5m)]), Parcel.Pack([TestCarts.Line(400, 5m, 20m, 15m)]));
    }

    [Fact]
    public void Pack_SeveralLines_TakesLongestAndWidestAndStacksHeights()
    {
        // Longest 30 (phone box 30 × 10 × 4), widest 12 (charger 12 × 12 × 3); height 4 + 2 × 3 = 10.
        var parcel = Parcel.Pack([TestCarts.Line(300, 30m, 10m, 4m), TestCarts.Line(250, 12m, 12m, 3m, quantity: 2)]);

        Assert.Equal(new Parcel(0.8m, 30m, 12m, 10m), parcel);
        Assert.Equal(30m + 24m + 20m, parcel.LengthPlusGirthCm);
        Assert.Equal(52m, parcel.SumOfSidesCm);
    }

    [Fact]
    public void Pack_StackTallerThanLongestSide_ReordersSoLengthIsLongest()
    {
        // 10 units of 20 × 15 × 5: stack is 50 cm, so the box is measured 50 × 20 × 15.
        var parcel = Parcel.Pack([TestCarts.Line(100, 20m, 15m, 5m, quantity: 10)]);

        Assert.Equal(new Parcel(1.0m, 50m, 20m, 15m), parcel);
    }

    [Theory]
    [InlineData(0, 100, 10, 10, 10)]
    [InlineData(1, -1, 10, 10, 10)]
    [InlineData(1, 100, 0, 10, 10)]
    public void Pack_ImpossibleLine_Throws(int quantity, int grams, int length, int width, int height)
    {
        Assert.Throws<ArgumentException>(() => Parcel.Pack([TestCarts.Line(grams, length, width, height, quantity)]));
    }
}
