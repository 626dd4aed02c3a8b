using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>Behaviour around the scenarios: rule citations, refusals, notes and preconditions.</summary>
public sealed class LandedCostCalculatorTests
{
    [Fact]
    public void Calculate_EveryChargeLine_CitesRuleEffectiveDateAndSource()
    {
        var cost = LandedCostCalculator.Default.Calculate(
            LandedCostScenarios.Get("FR 2026-07-01 silk blouse + two wool blouses: EUR 3 per category = EUR 6").Request);

        var duties = cost.Lines.Where(l => l.Kind == LandedCostLineKind.Duty).ToList();
        Assert.Equal(2, duties.Count);
        Assert.All(duties, d => Assert.Equal(
            new RuleReference("eu.duty.flat-per-category", new DateOnly(2026, 7, 1), duties[0].Rule.SourceUrl), d.Rule));
        Assert.Contains("politis", duties[0].Rule.SourceUrl, StringComparison.Ordinal);
        var vat = Assert.Single(cost.Lines, l => l.Kind == LandedCostLineKind.Tax);
        Assert.Equal(("fr.vat.standard", "eu.vat.ioss"), (vat.Rule.RuleId, vat.Regime!.RuleId));
        Assert.Equal((0.20m, 155.99m), (vat.Rate, vat.Base!.Value.Amount));
    }

    [Fact]
    public void Calculate_TariffByIllustrativeRate_SaysSo()
    {
        var cost = LandedCostCalculator.Default.Calculate(
            LandedCostScenarios.Get("GB GBP 135.01 DDP: duty 12% on CIF and import VAT, merchant pays, all-in price").Request);

        Assert.True(cost.HasIllustrativeAmounts);
        var duty = Assert.Single(cost.Lines, l => l.Kind == LandedCostLineKind.Duty);
        Assert.Equal(("TEE", 145.01m, 0.12m), (duty.Sku, duty.Base!.Value.Amount, duty.Rate!.Value));
    }

    [Fact]
    public void TryCalculate_AnnualLimitWithoutYearToDate_PricesButNotesTheUncheckedLimit()
    {
        var request = LandedCostScenarios.Get("CN CBEC CNY 5,000.00 exactly: 0 duty, VAT at 70% (9.1%)").Request with { YearToDateSpend = null };

        var cost = Assert.IsType<LandedCostCalculated>(LandedCostCalculator.Default.TryCalculate(request)).LandedCost;

        Assert.Contains(cost.Notes, n => n.StartsWith(CustomsCodes.LimitNotChecked, StringComparison.Ordinal));
    }

    [Fact]
    public void TryCalculate_AnnualLimitReachedExactly_NotesTheCheckAndWhatTheOrderCounts()
    {
        var request = LandedCostScenarios.Get("CN CBEC annual limit reached exactly (CNY 26,000.00): allowed, priced in USD").Request;

        var cost = Assert.IsType<LandedCostCalculated>(LandedCostCalculator.Default.TryCalculate(request)).LandedCost;

        // USD 781.25 at 6.40 is the CNY 5,000.00 the order adds to the buyer's CNY 21,000.00 this year.
        Assert.Equal(new Money(5000.00m, new CurrencyCode("CNY")), cost.AnnualSpend);
        var note = Assert.Single(cost.Notes);
        Assert.StartsWith("cn.cbec.annual-26000:", note, StringComparison.Ordinal);
        Assert.Contains("year-to-date orders on this platform, 21000.00 CNY", note, StringComparison.Ordinal);
        Assert.Contains("makes 26000.00 CNY", note, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCalculate_AnnualLimitCrossed_RefusesNamingGeneralTrade()
    {
        var request = LandedCostScenarios.Get("CN CBEC annual limit exceeded by CNY 0.01: refused").Request;

        var rejected = Assert.IsType<LandedCostRejected>(LandedCostCalculator.Default.TryCalculate(request));

        Assert.Equal(CustomsCodes.AnnualLimitExceeded, rejected.Code);
        Assert.Contains("26000.01 CNY, over the annual limit", rejected.Detail, StringComparison.Ordinal);
        Assert.Contains("general trade", rejected.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCalculate_NoAnnualLimit_CountsNothing()
    {
        var cost = LandedCostCalculator.Default.Calculate(LandedCostScenarios.Get("GB GBP 135.00 exactly: no duty, VAT 20% at sale").Request);

        Assert.Null(cost.AnnualSpend);
    }

    [Fact]
    public void TryCalculate_ShippingCurrencyNotInQuote_IsRefused()
    {
        var request = LandedCostScenarios.Get("GB GBP 135.00 exactly: no duty, VAT 20% at sale").Request
            with { Shipping = new Money(10m, new CurrencyCode("USD")) };

        var rejected = Assert.IsType<LandedCostRejected>(LandedCostCalculator.Default.TryCalculate(request));

        Assert.Equal(LandedCostCodes.CurrencyNotQuoted, rejected.Code);
    }

    [Fact]
    public void TryCalculate_ProhibitedGoods_AreRefusedWithTheCustomsCode()
    {
        var request = LandedCostScenarios.Get("HK spirits: excise goods refused").Request;

        Assert.Equal(CustomsCodes.ExciseGoodsNotSupported, Assert.IsType<LandedCostRejected>(LandedCostCalculator.Default.TryCalculate(request)).Code);
        Assert.Throws<InvalidOperationException>(() => LandedCostCalculator.Default.Calculate(request));
    }

    [Fact]
    public void TryCalculate_QuoteInAnotherCurrency_IsABug()
    {
        var request = LandedCostScenarios.Get("GB GBP 135.00 exactly: no duty, VAT 20% at sale").Request;
        var wrong = request with { Cart = request.Cart with { PresentmentCurrency = new CurrencyCode("EUR") } };

        Assert.Throws<ArgumentException>(() => LandedCostCalculator.Default.TryCalculate(wrong));
    }

    [Fact]
    public void Calculate_DdpAndDap_DifferOnlyInWhatIsDueAtCheckout()
    {
        var ddp = LandedCostScenarios.Get("GB GBP 135.01 DDP: duty 12% on CIF and import VAT, merchant pays, all-in price").Request;
        var dap = ddp with { Cart = ddp.Cart with { Incoterm = Incoterm.Dap } };

        var paidByMerchant = LandedCostCalculator.Default.Calculate(ddp);
        var paidByBuyer = LandedCostCalculator.Default.Calculate(dap);

        Assert.Equal(paidByMerchant.Total, paidByBuyer.Total);
        Assert.Equal((false, true), (paidByMerchant.HasAmountsAssessedLater, paidByBuyer.HasAmountsAssessedLater));
        Assert.Equal(paidByMerchant.Duty + paidByMerchant.Tax, paidByBuyer.AmountDueElsewhere);
        Assert.All(paidByBuyer.Lines.Where(l => l.Kind is LandedCostLineKind.Duty or LandedCostLineKind.Tax),
            l => Assert.Equal(CollectionPoint.OnDelivery, l.CollectedAt));
    }
}
