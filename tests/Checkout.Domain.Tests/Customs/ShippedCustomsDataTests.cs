using Checkout.Domain.Customs;
using Checkout.Domain.Geography;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Customs;

public sealed class ShippedCustomsDataTests
{
    private static readonly CustomsRuleBook Book = CustomsRuleBookLoader.Load(EmbeddedReferenceData.Instance);

    [Theory]
    [InlineData("US")]
    [InlineData("FR")]
    [InlineData("DE")]
    [InlineData("GB")]
    [InlineData("AU")]
    [InlineData("CA")]
    [InlineData("CN")]
    [InlineData("HK")]
    [InlineData("MO")]
    [InlineData("PK")]
    [InlineData("SG")]
    public void Load_ShippedFiles_CoverEveryDestinationOfTheIssue(string country)
    {
        var rules = Book.ForCountry(new CountryCode(country));

        Assert.NotNull(rules);
        Assert.True(rules.IsInForce(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Load_ShippedFiles_CoverAllEuMemberStatesWithTheirOwnVatRate()
    {
        var eu = Book.ForCountry(new CountryCode("FR"))!;
        var day = new DateOnly(2026, 7, 1);

        Assert.Equal(27, eu.Countries.Count);
        Assert.All(eu.Countries, c => Assert.InRange(eu.TaxRateFor(c, "VAT", day).Rate, 0.15m, 0.28m));
        Assert.Equal(0.20m, eu.TaxRateFor(new CountryCode("FR"), "VAT", day).Rate);
        Assert.Equal(0.19m, eu.TaxRateFor(new CountryCode("DE"), "VAT", day).Rate);
    }

    [Fact]
    public void Load_ShippedFiles_MarkEveryTariffRateIllustrative()
    {
        var rates = Book.Destinations.SelectMany(d => d.DutyRates).ToList();

        Assert.NotEmpty(rates);
        Assert.All(rates, r => Assert.True(r.Rule.IsIllustrative, r.Rule.Id));
    }

    [Fact]
    public void Load_ShippedFiles_HaveCarrierLevelRestrictions() =>
        Assert.Contains(Book.GlobalRestrictions, r => r.ReasonCode == CustomsCodes.ProhibitedGoods && r.HsPrefix == "9302");
}
