using Checkout.Domain.Geography;
using Checkout.Domain.Logistics;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Sanctions;

namespace Checkout.Domain.Tests.Logistics;

public sealed class ShippedReferenceDataTests
{
    [Fact]
    public void Load_EmbeddedFiles_LoadsEveryCarrierRuleFormatAndEmbargo()
    {
        var source = EmbeddedReferenceData.Instance;

        var carriers = CarrierCatalog.Load(source);
        var goods = DangerousGoodsRules.Load(source);
        var postal = PostalCodeFormats.Load(source);
        var sanctions = SanctionsScreener.Load(source);

        Assert.Equal(["China Post", "DHL Express", "Hongkong Post", "Macao Post and Telecommunications (CTT)", "Pakistan Post", "SinoLink Economy", "UPS"], carriers.All.Select(s => s.Carrier).Distinct().Order(StringComparer.Ordinal));
        Assert.All(carriers.All, s => Assert.True(s.IsIllustrative));
        Assert.Equal(["UN3090", "UN3091", "UN3480", "UN3481"], goods.All.Select(g => g.UnNumber).Order(StringComparer.Ordinal));
        Assert.Contains(postal.All, f => f.Country.Value == "HK" && !f.UsesPostalCodes);
        Assert.Equal(["CU", "IR", "KP", "SY"], sanctions.Countries.Select(c => c.Country.Value).Order(StringComparer.Ordinal));
        Assert.NotEmpty(sanctions.Regions);
    }

    [Fact]
    public void Load_EmbeddedFiles_EveryEntryNamesAnHttpSource()
    {
        var source = EmbeddedReferenceData.Instance;
        var uris = CarrierCatalog.Load(source).All.Select(s => s.Source)
            .Concat(DangerousGoodsRules.Load(source).All.Select(g => g.Source))
            .Concat(PostalCodeFormats.Load(source).All.Select(f => f.Source))
            .Concat(SanctionsScreener.Load(source).Countries.Select(c => c.Source))
            .Concat(SanctionsScreener.Load(source).Regions.SelectMany(r => new[] { r.Source, r.PostalCodeSource }));

        Assert.All(uris, u => Assert.StartsWith("http", u.Scheme, StringComparison.Ordinal));
    }

    [Fact]
    public void RateCardCurrencies_FromChina_AreCnyAndUsd()
    {
        var currencies = LogisticsPlanner.Default.RateCardCurrencies(new CountryCode("CN"));

        Assert.Equal(["CNY", "USD"], currencies.Select(c => c.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RateCardCurrencies_FromAnOriginWithoutCarriers_IsEmpty()
    {
        Assert.Empty(LogisticsPlanner.Default.RateCardCurrencies(new CountryCode("BR")));
    }
}
