using Checkout.Domain.Monetary;
using FsCheck.Fluent;

namespace Checkout.Domain.Tests.Monetary;

public sealed class MoneyPropertyTests
{
    internal static readonly FsCheck.Gen<Currency> AnyCurrency = Gen.Elements(Iso4217.All.ToArray());

    /// <summary>From a few minor units to amounts far beyond any cart, both signs.</summary>
    internal static readonly FsCheck.Gen<long> AnyMinorUnits = Gen.OneOf(
        Gen.Choose(-1_000, 1_000).Select(i => (long)i),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i),
        Gen.Choose(-2_000_000_000, 2_000_000_000).Two().Select(t => ((long)t.Item1 * 4_000_000_000L) + t.Item2));

    /// <summary>Lists of 1-12 non-negative weights, at least one positive, with 0 to 4 decimals (prices, ratios).</summary>
    private static readonly FsCheck.Gen<decimal[]> AnyWeights =
        from count in Gen.Choose(1, 12)
        from raw in Gen.Choose(0, 100_000).ArrayOf(count)
        from scale in Gen.Choose(0, 4)
        where raw.Any(r => r > 0)
        select raw.Select(r => new decimal(r, 0, 0, false, (byte)scale)).ToArray();

    [Fact]
    public void Allocate_AnyCurrencyTotalAndWeights_NeverCreatesOrLosesAMinorUnit()
    {
        var cases = from currency in AnyCurrency
                    from units in AnyMinorUnits
                    from weights in AnyWeights
                    select (Total: Money.FromMinorUnits(units, currency.Code), Weights: weights);

        PropertyRunner.ForAll(cases, c =>
        {
            var parts = Allocator.Allocate(c.Total, c.Weights);

            Assert.Equal(c.Weights.Length, parts.Count);
            Assert.Equal(c.Total.ToMinorUnits(), parts.Sum(p => p.ToMinorUnits()));
            AssertEachPartWithinOneMinorUnitOfItsShare(c.Total, c.Weights, parts);
        });
    }

    [Fact]
    public void RoundToMinorUnits_AnyAmount_LandsOnTheMinorUnitWithinHalfAUnit()
    {
        var cases = from currency in AnyCurrency
                    from units in AnyMinorUnits
                    from fraction in Gen.Choose(-999_999, 999_999)
                    select new Money(units * currency.MinorUnitSize + (fraction / 1_000_000m * currency.MinorUnitSize), currency.Code);

        PropertyRunner.ForAll(cases, money =>
        {
            var size = Iso4217.Get(money.Currency).MinorUnitSize;
            var rounded = money.RoundToMinorUnits();

            Assert.Equal(decimal.Truncate(rounded.Amount / size), rounded.Amount / size);
            Assert.True(Math.Abs(rounded.Amount - money.Amount) <= size / 2, $"{money} rounded to {rounded}");
            _ = rounded.ToMinorUnits(); // would throw if not on the minor unit
        });
    }

    private static void AssertEachPartWithinOneMinorUnitOfItsShare(Money total, decimal[] weights, IReadOnlyList<Money> parts)
    {
        var size = Iso4217.Get(total.Currency).MinorUnitSize;
        var weightSum = weights.Sum();
        for (var i = 0; i < parts.Count; i++)
        {
            var share = total.Amount / weightSum * weights[i];
            Assert.True(Math.Abs(parts[i].Amount - share) < size * 1.0001m, $"part {i} {parts[i]} vs share {share}");
            Assert.True(parts[i].Amount == 0m || Math.Sign(parts[i].Amount) == Math.Sign(total.Amount));
        }
    }
}
