using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Tests.Monetary;
using FsCheck.Fluent;

namespace Checkout.Domain.Tests.Fx;

public sealed class FxRoundTripPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static readonly FxQuoter Quoter = new(
        new ReferenceDataFxRateSource(EmbeddedReferenceData.Instance),
        FxSpreadPolicyLoader.Load(EmbeddedReferenceData.Instance),
        new FxQuoteOptions());

    /// <summary>
    /// Converting A→B and back costs the buyer both spreads and nothing else: the result is the start amount times
    /// (1 + s1)(1 + s2), give or take the two roundings (at most one minor unit of A, plus one minor unit of B carried
    /// back into A). In particular the round trip never gains money beyond that rounding.
    /// </summary>
    [Fact]
    public void ConvertThereAndBack_AnyPairAndAmount_StaysWithinTheRoundTripSpreadPlusRounding()
    {
        var cases = from a in MoneyPropertyTests.AnyCurrency
                    from b in MoneyPropertyTests.AnyCurrency
                    from units in Gen.Choose(1, int.MaxValue)
                    select Money.FromMinorUnits(units, a.Code) is var x ? (Start: x, Target: b.Code) : default;

        PropertyRunner.ForAll(cases, c =>
        {
            var there = Quote(c.Start.Currency, c.Target);
            var back = Quote(c.Target, c.Start.Currency);
            var converted = there.Convert(c.Start);
            var returned = back.Convert(converted);

            var expected = c.Start.Amount * Factor(there) * Factor(back);
            var tolerance = Iso4217.Get(c.Start.Currency).MinorUnitSize
                + (Iso4217.Get(c.Target).MinorUnitSize * back.LegFor(c.Target).ClientRate);
            Assert.True(Math.Abs(returned.Amount - expected) <= tolerance, $"{c.Start} → {converted} → {returned}, expected {expected} ± {tolerance}");
            Assert.Equal(returned, returned.RoundToMinorUnits());
        });
    }

    private static decimal Factor(FxQuote quote) => 1m + (quote.Primary.SpreadBps / 10_000m);

    private static FxQuote Quote(CurrencyCode from, CurrencyCode to) =>
        Assert.IsType<FxQuoteIssued>(Quoter.Quote("fxq_prop", [from], to, Now)).Quote;
}
