using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Monetary;

public sealed class AllocatorTests
{
    private static readonly CurrencyCode Usd = new("USD");
    private static readonly CurrencyCode Jpy = new("JPY");
    private static readonly CurrencyCode Kwd = new("KWD");

    [Fact]
    public void Split_HundredDollarsThreeWays_GivesTheExtraCentToTheFirstPart()
    {
        var parts = Allocator.Split(new Money(100m, Usd), 3);

        Assert.Equal([33.34m, 33.33m, 33.33m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_LargestRemainderWins_NotTheFirstIndex()
    {
        // 5 cents by 1:1:2 are exactly 1.25, 1.25 and 2.5 cents: truncated 1, 1, 2 with remainders .25, .25, .5,
        // so the leftover cent goes to the last part.
        var parts = Allocator.Allocate(new Money(0.05m, Usd), [1m, 1m, 2m]);

        Assert.Equal([0.01m, 0.01m, 0.03m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_RemainderLargerLaterInTheList_GoesToThatPart()
    {
        // 10 yen by 0.3 : 0.7 = 3 and 7 exactly; by 0.25 : 0.75 = 2.5 and 7.5, tie broken to index 0.
        var exact = Allocator.Allocate(new Money(10m, Jpy), [0.3m, 0.7m]);
        var tie = Allocator.Allocate(new Money(10m, Jpy), [0.25m, 0.75m]);
        var later = Allocator.Allocate(new Money(10m, Jpy), [0.24m, 0.76m]); // 2.4 and 7.6: the .6 wins

        Assert.Equal([3m, 7m], exact.Select(p => p.Amount));
        Assert.Equal([3m, 7m], tie.Select(p => p.Amount));
        Assert.Equal([2m, 8m], later.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_ThreeDecimalCurrency_WorksInFils()
    {
        var parts = Allocator.Allocate(new Money(1.000m, Kwd), [1m, 1m, 1m]);

        Assert.Equal([0.334m, 0.333m, 0.333m], parts.Select(p => p.Amount));
        Assert.All(parts, p => Assert.Equal(Kwd, p.Currency));
    }

    [Fact]
    public void Allocate_NegativeTotal_SplitsTheMagnitudeAndNegatesEveryPart()
    {
        var parts = Allocator.Allocate(new Money(-100m, Usd), [1m, 1m, 1m]);

        Assert.Equal([-33.34m, -33.33m, -33.33m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_ZeroWeight_GetsNothing()
    {
        var parts = Allocator.Allocate(new Money(0.03m, Usd), [0m, 1m, 1m]);

        Assert.Equal([0m, 0.02m, 0.01m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_WeightsOfDifferentScales_KeepTheirRatio()
    {
        var parts = Allocator.Allocate(new Money(300m, Usd), [0.5m, 1m, 1.50m]);

        Assert.Equal([50m, 100m, 150m], parts.Select(p => p.Amount));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0d, 0d })]
    [InlineData(new[] { 1d, -1d })]
    public void Allocate_InvalidWeights_Throws(double[] weights)
    {
        var decimals = weights.Select(w => (decimal)w).ToList();

        Assert.Throws<ArgumentException>(() => Allocator.Allocate(new Money(1m, Usd), decimals));
    }

    [Fact]
    public void Allocate_UnroundedTotal_Throws()
    {
        Assert.Throws<ArgumentException>(() => Allocator.Allocate(new Money(1.005m, Usd), [1m]));
    }

    [Fact]
    public void Split_ZeroParts_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Allocator.Split(new Money(1m, Usd), 0));
    }
}
