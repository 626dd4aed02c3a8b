using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Customs;

public sealed class CustomsScreenerTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    [Fact]
    public void Screen_OrdinaryCart_IsAdmissibleWithClassificationNotes()
    {
        var screening = CustomsScreener.Default.Screen(Cart("GB", ("TEE", "T-shirt", "6109.10.00")), Day);

        var admissible = Assert.IsType<CustomsAdmissible>(screening);
        var line = Assert.Single(admissible.Lines);
        Assert.Equal("61091000", line.HsCode.Digits);
        Assert.Contains(line.Notes, n => n.Contains("national extension 00", StringComparison.Ordinal));
        Assert.Contains(line.Notes, n => n.Contains("gb.duty-rate.ch61, illustrative", StringComparison.Ordinal));
        Assert.Empty(admissible.Flags);
    }

    [Theory]
    [InlineData("GB", "Revolver", "930200", CustomsCodes.ProhibitedGoods, "global.prohibited.revolvers-pistols")]
    [InlineData("US", "Carved figurine", "960110", CustomsCodes.ProhibitedGoods, "global.prohibited.worked-ivory")]
    [InlineData("AU", "Replica gun for film sets", "950300", CustomsCodes.ProhibitedGoods, "global.prohibited.replica-guns")]
    [InlineData("SG", "Counterfeit handbag", "420221", CustomsCodes.ProhibitedGoods, "global.prohibited.counterfeit")]
    [InlineData("CA", "Live parrot", "010632", CustomsCodes.ProhibitedGoods, "global.prohibited.live-animals")]
    [InlineData("FR", "Red wine", "220421", CustomsCodes.ExciseGoodsNotSupported, "eu.excise.2204")]
    [InlineData("HK", "Cigarettes", "240220", CustomsCodes.ExciseGoodsNotSupported, "hk.excise.tobacco")]
    [InlineData("HK", "Methanol", "290511", CustomsCodes.ExciseGoodsNotSupported, "hk.excise.methyl-alcohol")]
    public void Screen_RefusedGoods_RejectWithReasonCodeSkuAndRule(string country, string description, string hs, string code, string ruleId)
    {
        var screening = CustomsScreener.Default.Screen(Cart(country, ("OK", "T-shirt", "610910"), ("BAD", description, hs)), Day);

        var rejected = Assert.IsType<CustomsRejected>(screening);
        Assert.Equal((code, "BAD", ruleId), (rejected.Code, rejected.Sku, rejected.RuleId));
        Assert.Contains(description, rejected.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6109-10")]
    [InlineData("61091")]
    [InlineData("")]
    public void Screen_InvalidHsCode_RejectsNamingTheLine(string hs)
    {
        var rejected = Assert.IsType<CustomsRejected>(CustomsScreener.Default.Screen(Cart("DE", ("BAD", "T-shirt", hs)), Day));

        Assert.Equal((CustomsCodes.InvalidHsCode, "BAD"), (rejected.Code, rejected.Sku));
    }

    [Fact]
    public void Screen_RestrictedGoods_FlagsWithoutBlocking()
    {
        var screening = CustomsScreener.Default.Screen(Cart("US", ("WATCH", "Wrist watch", "910211"), ("CIGAR", "Cigars", "240210")), Day);

        var admissible = Assert.IsType<CustomsAdmissible>(screening);
        Assert.Equal(
            ["global.restricted.tobacco", "global.restricted.watches"],
            admissible.Flags.Select(f => f.RuleId!).Order(StringComparer.Ordinal));
        Assert.All(admissible.Flags, f => Assert.Equal(CustomsCodes.RestrictedGoods, f.Code));
    }

    [Fact]
    public void Screen_KeywordMatchesWholeWordsOnly()
    {
        var screening = CustomsScreener.Default.Screen(Cart("GB", ("SCARF", "Counterfeiting-awareness scarf", "611710")), Day);

        Assert.IsType<CustomsAdmissible>(screening);
    }

    [Fact]
    public void Screen_DestinationWithoutRules_IsNotSupported()
    {
        var rejected = Assert.IsType<CustomsRejected>(CustomsScreener.Default.Screen(Cart("BR", ("TEE", "T-shirt", "610910")), Day));

        Assert.Equal(CustomsCodes.DestinationNotSupported, rejected.Code);
    }

    [Fact]
    public void Screen_IntoChina_OffThePositiveList_IsRefusedNamingTheRuleAndThePostalRoute()
    {
        var rejected = Assert.IsType<CustomsRejected>(
            CustomsScreener.Default.Screen(Cart("CN", ("TEE", "T-shirt", "610910"), ("BOOK", "Printed book", "490199")), Day));

        Assert.Equal((CustomsCodes.NotOnPositiveList, "BOOK", "cn.cbec.positive-list"), (rejected.Code, rejected.Sku, rejected.RuleId));
        Assert.Contains("Printed book (HS 490199)", rejected.Detail, StringComparison.Ordinal);
        Assert.Contains("personal postal article", rejected.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cotton T-shirt", "610910")]
    [InlineData("Hand-embroidered cotton shawl", "621490")]
    [InlineData("Porcelain tea set", "691110")]
    [InlineData("Almond cookies", "190531")]
    [InlineData("Face cream", "330499")]
    public void Screen_IntoChina_OnThePositiveList_IsAdmissible(string description, string hs)
    {
        Assert.IsType<CustomsAdmissible>(CustomsScreener.Default.Screen(Cart("CN", ("OK", description, hs)), Day));
    }

    [Fact]
    public void Screen_PositiveListOnlyWhereTheDestinationHasOne()
    {
        Assert.IsType<CustomsAdmissible>(CustomsScreener.Default.Screen(Cart("HK", ("BOOK", "Printed book", "490199")), Day));
    }

    [Fact]
    public void Screen_DayBeforeTheDestinationsRulesStart_IsNotSupported()
    {
        var cart = Cart("PK", ("TEE", "T-shirt", "610910"));

        Assert.IsType<CustomsRejected>(CustomsScreener.Default.Screen(cart, new DateOnly(2025, 6, 30)));
        Assert.IsType<CustomsAdmissible>(CustomsScreener.Default.Screen(cart, new DateOnly(2025, 7, 1)));
    }

    internal static Cart Cart(string destination, params (string Sku, string Description, string Hs)[] lines) => new(
        new CurrencyCode("EUR"),
        Incoterm.Ddp,
        new Address(new CountryCode(destination), null),
        new Address(new CountryCode("CN"), null),
        lines.Select(l => new CartLine(l.Sku, l.Description, l.Hs, new CountryCode("CN"), new Money(10m, new CurrencyCode("EUR")), 1, 200,
            new ParcelDimensionsCm(10m, 10m, 5m), null)).ToList(),
        ShippingPreference.Cheapest);
}
